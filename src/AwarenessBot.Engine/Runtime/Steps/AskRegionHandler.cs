using AwarenessBot.Catalog;
using AwarenessBot.Engine.Abstractions;
using AwarenessBot.Engine.Definitions;
using AwarenessBot.Engine.Language;
using AwarenessBot.Engine.Rendering;

namespace AwarenessBot.Engine.Runtime.Steps;

/// <summary>Province or territory: a button per region (then any extra buttons such as "skip"), or its name typed in any language.</summary>
internal sealed class AskRegionHandler(ContentRenderer content, FlowCatalog catalog, RegionCatalog regions)
    : AskChoiceHandler(content, catalog)
{
    public override string? Recognize(TurnContext ctx, DialogFrame frame, StepDefinition step, UserText text)
    {
        var count = regions.Regions.Count;
        if (text.AsNumber is { } n && n >= 1 && n <= count) return Store(ctx, frame, step, regions.Regions[n - 1].Code);
        if (text.AsNumber is { } m && m > count && Flows.ChoicesOf(step) is { } extra && m - count <= extra.Choices.Count)
            return Skip(ctx, frame, step, extra.Choices[m - count - 1]);
        if (Flows.ChoicesOf(step) is { } table && table.Recognize(text.Normalized, text.Words, text.Fuzzy, text.Locales, text.IntentWords) is var i and >= 0)
            return Skip(ctx, frame, step, table.Choices[i]);
        return regions.Recognize(text.Normalized) is { } code ? Store(ctx, frame, step, code) : null;
    }

    /// <summary>Extra buttons ("skip") lead on without storing anything as the region.</summary>
    private static string Skip(TurnContext ctx, DialogFrame frame, StepDefinition step, ChoiceDefinition choice) =>
        Conditions.Resolve(choice.Next ?? step.Next, ctx, frame);

    private static string Store(TurnContext ctx, DialogFrame frame, StepDefinition step, string code)
    {
        FieldAccess.Write(ctx, frame, step.Store ?? "profile.region", code);
        return Conditions.Resolve(step.Next, ctx, frame);
    }

    protected override List<ReplyChoice> Buttons(TurnContext ctx, StepDefinition step)
    {
        var result = new List<ReplyChoice>(regions.Regions.Count + step.Choices.Count);
        foreach (var region in regions.Regions)
            result.Add(new ReplyChoice(region.Code, region.Label.GetValueOrDefault(ctx.Locale) ?? region.Label.GetValueOrDefault(BotCatalog.Default.FallbackLocale) ?? region.Code));
        result.AddRange(base.Buttons(ctx, step));
        return result;
    }
}
