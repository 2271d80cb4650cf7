using AwarenessBot.Content.Repository;
using AwarenessBot.Content.Validation;

namespace AwarenessBot.Content.Tests.Repository;

public sealed class ContentRepositoryTests : IDisposable
{
    private readonly SeedsFolder _seeds = SeedsFolder.CreateValid();
    private readonly ContentRepository _repository;

    public ContentRepositoryTests() =>
        _repository = new ContentRepository(new ContentSnapshotHolder(ContentValidator.LoadOrThrow(_seeds.Path, DateTimeOffset.UnixEpoch)));

    public void Dispose() => _seeds.Dispose();

    [Theory]
    [InlineData("de")]
    [InlineData("")]
    [InlineData("zz-ZZ")]
    public void Unknown_locale_falls_back_to_English(string locale)
    {
        var view = _repository.Find("fixture_sextortion_steps", locale, "13-15");

        Assert.NotNull(view);
        Assert.Equal("en", view.Locale);
        Assert.StartsWith("If someone threatens", view.Messages[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Regional_locale_uses_its_language() => Assert.Equal("fr", _repository.Find("fixture_sextortion_steps", "fr-CA", "13-15")!.Locale);

    [Theory]
    [InlineData("FR")]
    [InlineData(" fr ")]
    [InlineData("fr_CA")]
    [InlineData("Fr-ca")]
    public void Any_spelling_of_a_locale_reads_its_language(string locale)
    {
        var view = _repository.Find("fixture_sextortion_steps", locale, "13-15")!;

        Assert.Equal("fr", view.Locale);
        Assert.Equal(_repository.Find("fixture_sextortion_steps", "fr", "13-15")!.Messages, view.Messages);
    }

    [Fact]
    public void A_view_is_shared_read_only()
    {
        var messages = _repository.Find("fixture_sextortion_steps", "en", "13-15")!.Messages;

        Assert.True(((ICollection<string>)messages).IsReadOnly);
        Assert.Throws<NotSupportedException>(() => ((IList<string>)messages)[0] = "changed");
        Assert.StartsWith("If someone threatens", _repository.Find("fixture_sextortion_steps", "en", "13-15")!.Messages[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_locale_in_the_variant_falls_back_to_English()
    {
        Assert.Equal("en", _repository.Find("fixture_sextortion_steps", "es", "16-18")!.Locale);
        Assert.Equal("es", _repository.Find("fixture_worker_pay", "es", "worker")!.Locale);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("youth")]
    [InlineData("7-8")]
    [InlineData("")]
    public void Unknown_or_missing_band_gets_the_most_cautious_variant(string? audience)
    {
        var view = _repository.Find("fixture_sextortion_steps", "en", audience);

        Assert.Equal("9-12", view!.Audience);
        Assert.Contains("grown-up", view.Messages[0], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("13-15", "13-15")]
    [InlineData("19+", "19+")]
    [InlineData("adult", "19+")]
    [InlineData("worker", "19+")]
    [InlineData("educator", "19+")]
    [InlineData("9-12", "9-12")]
    public void Audience_fallback_chain(string requested, string expected) =>
        Assert.Equal(expected, _repository.Find("fixture_sextortion_steps", "en", requested)!.Audience);

    [Fact]
    public void Any_band_reaches_an_all_variant() => Assert.Equal("all", _repository.Find("fixture_menu_welcome", "en", "13-15")!.Audience);

    [Fact]
    public void Service_placeholders_become_name_and_contact_in_the_locale()
    {
        var en = _repository.Find("fixture_sextortion_steps", "en", "13-15")!;
        var fr = _repository.Find("fixture_sextortion_steps", "fr", "13-15")!;

        Assert.Equal("You can call Canadian Human Trafficking Hotline: 1-833-900-1010 at any time.", en.Messages[2]);
        Assert.Equal("Tu peux appeler Ligne d’urgence canadienne contre la traite des personnes : 1-833-900-1010 en tout temps.", fr.Messages[2]);
        Assert.DoesNotContain(en.Messages.Concat(fr.Messages), m => m.Contains("{service:", StringComparison.Ordinal));
    }

    [Fact]
    public void Review_and_translation_flags()
    {
        var draftOriginal = _repository.Find("fixture_sextortion_steps", "en", "13-15")!;
        var draftTranslation = _repository.Find("fixture_sextortion_steps", "fr", "13-15")!;
        var machine = _repository.Find("fixture_worker_pay", "es", "worker")!;
        var reviewed = _repository.Find("fixture_menu_welcome", "fr", null)!;

        Assert.True(draftOriginal.IsDraft);
        Assert.False(draftOriginal.IsMachineOrUnreviewedTranslation);
        Assert.True(draftTranslation.IsMachineOrUnreviewedTranslation);
        Assert.True(machine.IsMachineOrUnreviewedTranslation);
        Assert.False(reviewed.IsDraft);
        Assert.False(reviewed.IsMachineOrUnreviewedTranslation);
    }

    [Fact]
    public void Quiz_keeps_its_answer_index()
    {
        var quiz = _repository.Find("fixture_sextortion_steps", "fr", "16-18")!.Quiz;

        Assert.NotNull(quiz);
        Assert.Equal(1, quiz.AnswerIndex);
        Assert.Equal(3, quiz.Choices.Count);
    }

    [Fact]
    public void Unknown_id_is_null_not_an_exception()
    {
        Assert.Null(_repository.Find("no_such_item", "en", "13-15"));
        Assert.False(_repository.Exists("no_such_item"));
        Assert.Empty(_repository.LocalesOf("no_such_item"));
    }

    [Fact]
    public void Locales_of_an_item_cover_every_variant()
    {
        string[] expected = ["en", "es", "fr", "tl"];
        Assert.Equal(expected, _repository.LocalesOf("fixture_worker_pay").Order(StringComparer.Ordinal));
    }

    [Fact]
    public void List_gives_one_summary_per_item_with_the_English_title()
    {
        var list = _repository.List();

        Assert.Equal(3, list.Count);
        var item = Assert.Single(list, s => s.Id == "fixture_sextortion_steps");
        Assert.Equal("If someone threatens to share your photos", item.Title);
        string[] audiences = ["13-15", "16-18", "19+", "9-12"];
        Assert.Equal(audiences, item.Audiences);
    }
}
