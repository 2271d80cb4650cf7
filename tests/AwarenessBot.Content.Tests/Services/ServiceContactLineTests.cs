using AwarenessBot.Content.Loading;
using AwarenessBot.Content.Repository;
using AwarenessBot.Content.Services;

namespace AwarenessBot.Content.Tests.Services;

/// <summary>The "Name: contact" text that replaces {service:id} in content, per locale.</summary>
public sealed class ServiceContactLineTests
{
    private static readonly ServiceEntry Hotline = new(
        new ServiceDefinition
        {
            Id = "ca_human_trafficking_hotline",
            Name = new() { ["en"] = "Canadian Human Trafficking Hotline", ["fr"] = "Ligne d’urgence canadienne contre la traite des personnes" },
            Contacts = new ContactsDefinition { Phone = "1-833-900-1010" },
        },
        ServiceHours.AlwaysOpen);

    [Theory]
    [InlineData("en", "Canadian Human Trafficking Hotline: 1-833-900-1010")]
    [InlineData("es", "Canadian Human Trafficking Hotline: 1-833-900-1010")]
    [InlineData("fr", "Ligne d’urgence canadienne contre la traite des personnes : 1-833-900-1010")]
    [InlineData("fr-CA", "Ligne d’urgence canadienne contre la traite des personnes : 1-833-900-1010")]
    public void French_puts_a_space_before_the_colon_other_locales_do_not(string locale, string expected) =>
        Assert.Equal(expected, ServiceViewFactory.ContactLine(Hotline, locale));

    [Fact]
    public void A_service_without_contacts_shows_its_name_alone()
    {
        var nameOnly = Hotline with { Definition = Hotline.Definition with { Contacts = new ContactsDefinition() } };

        Assert.Equal("Ligne d’urgence canadienne contre la traite des personnes", ServiceViewFactory.ContactLine(nameOnly, "fr"));
    }
}
