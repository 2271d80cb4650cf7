using AwarenessBot.Content.Abstractions;
using AwarenessBot.Content.DependencyInjection;
using AwarenessBot.Engine.Abstractions;
using AwarenessBot.Engine.Rendering;
using AwarenessBot.Engine.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;

namespace AwarenessBot.Engine.Tests.RealSeeds;

/// <summary>
/// Every message of the real content, in every locale and audience, reads into typed runs with no mark left over:
/// no "**", no "[label](url)" and no brace token reaches a channel as text, and every link is a web address.
/// </summary>
public sealed class ContentMarkupTests
{
    private static readonly Lazy<IContentRepository> Content = new(() =>
        new ServiceCollection().AddContentRepository(Paths.Seeds).BuildServiceProvider().GetRequiredService<IContentRepository>());

    [Fact]
    public void Content_marks_are_all_read_into_runs()
    {
        var problems = new List<string>();
        // Channel wording is the edge's to fill in ({count}); the engine never shows it.
        foreach (var item in Content.Value.List().Where(i => !ChannelWording.Keys.Contains(i.Id)))
        foreach (var locale in item.Locales)
        foreach (var audience in item.Audiences)
        {
            var view = Content.Value.Find(item.Id, locale, audience == "all" ? null : audience);
            if (view is null) continue;
            var texts = view.Messages.Concat(view.Quiz is { } quiz
                ? [quiz.Question, .. quiz.Choices, quiz.FeedbackCorrect, quiz.FeedbackIncorrect]
                : []);
            foreach (var text in texts)
            {
                // The repository has filled every known service already: one left is an unknown id. The engine fills
                // {region} (the province a list of services is for) before it reads the marks.
                var filled = text.Replace(ContentRenderer.RegionPlaceholder, "Yukon", StringComparison.Ordinal);
                foreach (var run in InlineMarkup.Parse(filled, id => [new TextRun("{service:" + id + "}")]))
                {
                    if (run is TextRun { Text: var plain } && (plain.Contains("**", StringComparison.Ordinal) || plain.Contains("](", StringComparison.Ordinal)
                        || plain.Contains('{', StringComparison.Ordinal)))
                        problems.Add($"{item.Id} ({locale}, {audience}): a mark is left as text in \"{text}\"");
                    if (run is LinkRun link && !link.Url.StartsWith("https://", StringComparison.Ordinal))
                        problems.Add($"{item.Id} ({locale}, {audience}): link to '{link.Url}' is not an https address");
                }
            }
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems.Distinct()));
    }
}
