using System.Text.RegularExpressions;
using AwarenessBot.Content.Loading;
using AwarenessBot.Content.Readability;

namespace AwarenessBot.Content.Validation.Rules;

/// <summary>
/// Numbers and web addresses in text must come from a source: a phone number must be a contact in the service
/// directory (and should be written as {service:id}); a web address must be on a host named in the item's sources
/// or in the directory's contacts and sources.
/// </summary>
internal sealed partial class FactSourceRule : ISeedRule
{
    public void Check(LoadedSeeds seeds, IssueCollector issues)
    {
        var directoryHosts = seeds.Services.SelectMany(s => ServiceUrls(s.Definition)).Select(HostOf).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var phones = seeds.Services
            .SelectMany(s => new[] { s.Definition.Contacts.Phone, s.Definition.Contacts.Text?.Number }.OfType<string>().Select(p => (Digits: Digits(p), s.Definition.Id)))
            .GroupBy(p => p.Digits, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First().Id, StringComparer.Ordinal);

        foreach (var (item, document) in seeds.Items)
        {
            var hosts = item.Sources.Select(s => HostOf(s.Url)).OfType<string>().Concat(directoryHosts).ToHashSet(StringComparer.Ordinal);
            foreach (var (_, locale, field) in LocaleTextFields.All(item))
            {
                foreach (Match phone in PhonePattern().Matches(field.Text))
                {
                    if (phones.TryGetValue(Digits(phone.Value), out var serviceId))
                    {
                        issues.Warning(document, field.Pointer, item.Id, locale, $"{field.FieldPath}: write {{service:{serviceId}}} instead of typing {phone.Value}");
                    }
                    else
                    {
                        issues.Error(document, field.Pointer, item.Id, locale, $"{field.FieldPath}: phone number {phone.Value} is not in the service directory (add the service with its source first)");
                    }
                }

                foreach (var address in AddressesIn(field.Text))
                {
                    if (HostOf(address) is { } host && !IsAllowed(host, hosts))
                    {
                        issues.Error(document, field.Pointer, item.Id, locale, $"{field.FieldPath}: '{address}' is not on a site named in the item's sources or the service directory");
                    }
                }
            }
        }
    }

    private static IEnumerable<string> ServiceUrls(ServiceDefinition s) =>
        new[] { s.Contacts.Web, s.Contacts.Chat }.OfType<string>().Concat(s.Contacts.WebByLocale?.Values.AsEnumerable() ?? []).Concat(s.Sources.Select(x => x.Url));

    private static IEnumerable<string> AddressesIn(string text) =>
        AddressPrefilter.MayContainAddress(text) ? AddressPattern().Matches(text).Select(m => m.Value.TrimEnd('.', ',', ')')) : [];

    private static bool IsAllowed(string host, HashSet<string> allowed) =>
        allowed.Contains(host) || allowed.Any(a => host.EndsWith("." + a, StringComparison.Ordinal));

    internal static string? HostOf(string address)
    {
        var withScheme = address.Contains("://", StringComparison.Ordinal) ? address : "https://" + address;
        if (!Uri.TryCreate(withScheme, UriKind.Absolute, out var uri))
        {
            return null;
        }

        var host = uri.Host.ToLowerInvariant();
        return host.StartsWith("www.", StringComparison.Ordinal) ? host[4..] : host;
    }

    private static string Digits(string phone)
    {
        var digits = new string(phone.Where(char.IsDigit).ToArray());
        return digits.Length == 11 && digits[0] == '1' ? digits[1..] : digits;
    }

    [GeneratedRegex(@"(?<![\d-])(?:1[-. ]?)?\(?\d{3}\)?[-. ]\d{3}[-. ]\d{4}(?![\d-])")]
    private static partial Regex PhonePattern();

    [GeneratedRegex(@"https?://[^\s)\]]+|\b(?:[a-z0-9-]+\.)+(?:ca|com|org|net|info)\b(?:/[^\s)\]]*)?", RegexOptions.IgnoreCase)]
    private static partial Regex AddressPattern();
}
