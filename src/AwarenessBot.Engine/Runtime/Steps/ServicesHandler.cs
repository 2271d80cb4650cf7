using AwarenessBot.Catalog;
using AwarenessBot.Content.Abstractions;
using AwarenessBot.Engine.Abstractions;
using AwarenessBot.Engine.Definitions;
using AwarenessBot.Engine.Language;
using AwarenessBot.Engine.Rendering;

namespace AwarenessBot.Engine.Runtime.Steps;

/// <summary>
/// Services from the directory: by fixed ids (crisis answers, talk to a person) or by need for the person's region
/// (or another province they chose), audience and language, Indigenous-led first when the person said so.
/// </summary>
internal sealed class ServicesHandler(IServiceDirectory directory, ServiceRenderer renderer, ContentRenderer content, FlowCatalog flows, RegionCatalog regions) : IStepHandler
{
    public StepOutcome Enter(TurnContext ctx, DialogFrame frame, StepDefinition step)
    {
        string need;
        string? region = null;
        var adult = ctx.IsAdult;
        List<ServiceView> found;
        if (step.ServiceIds.Count > 0)
        {
            need = step.Need ?? "by_id";
            found = ByIds(ctx, step.ServiceIds);
        }
        else
        {
            need = step.Need ?? (step.NeedFrom is { } from ? FieldAccess.Read(ctx, frame, from) : null) ?? "trafficking";
            region = FieldAccess.Read(ctx, frame, step.RegionFrom ?? "profile.region");
            var audience = adult && step.Audience == "youth" ? "adult" : step.Audience ?? ctx.ServiceAudience;
            var query = new ServiceQuery(need, region, audience, ctx.Locale,
                ctx.Session.IndigenousFirst, ctx.Input.Now, step.Limit, adult) { Under18 = ctx.IsUnder18 };
            found = directory.Find(query).Where(s => !(adult && s.ForMinorsOnly)).ToList();
        }
        if (found.Count == 0) content.Show(ctx, "system_services_none");
        else
        {
            SayWhichRegion(ctx, region);
            ctx.Session.ShownServices = [.. found.Select(s => s.Id)];
            ctx.Session.ShownNeed = need;
        }
        Render(ctx, found, need, region);
        if (step.AddBeside) AddBeside(ctx, step, found);
        return StepOutcome.Goto(Conditions.Resolve(step.Next, ctx, frame));
    }

    /// <summary>
    /// The lines of the other risks the same message raised, each after its category's short note, leaving out lines
    /// already listed: someone who writes "he has a knife and I want to die" gets the danger answer and the suicide
    /// line, whichever of the two the answer was chosen for.
    /// </summary>
    private void AddBeside(TurnContext ctx, StepDefinition step, List<ServiceView> shown)
    {
        if (ctx.Input.Crisis is not { Beside.Count: > 0 } crisis) return;
        var listed = shown.Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var category in crisis.Beside.Where(c => !step.BesideExcept.Contains(c, StringComparer.Ordinal)))
        {
            if (flows.Find(FlowCatalog.CrisisPrefix + category)?.Beside is not { } beside) continue;
            var added = ByIds(ctx, beside.Services.Where(listed.Add));
            if (added.Count == 0) continue;
            content.Show(ctx, beside.Content);
            Render(ctx, added, "by_id", null);
            shown.AddRange(added);
        }

        ctx.Session.ShownServices = [.. shown.Select(s => s.Id)];
    }

    /// <summary>The line that says which province or territory the services are for, when the message named several.</summary>
    public const string RegionUsedKey = "system_services_region_used";

    /// <summary>
    /// "I live in Gatineau but work in Ottawa": the message named two places and the bot picked one (where the person
    /// lives, or is now): the list says which, once a turn.
    /// </summary>
    private void SayWhichRegion(TurnContext ctx, string? region)
    {
        if (!ctx.RegionPicked || region is null || region != ctx.RegionNamed) return;
        ctx.RegionPicked = false;
        // The full name ("Colombie-Britannique"), else the button's short label, in the reply's language or the fallback's.
        var definition = regions.Regions.FirstOrDefault(r => r.Code == region);
        var name = definition?.Name.GetValueOrDefault(ctx.Locale) ?? definition?.Name.GetValueOrDefault(BotCatalog.Default.FallbackLocale)
            ?? definition?.Label.GetValueOrDefault(ctx.Locale) ?? definition?.Label.GetValueOrDefault(BotCatalog.Default.FallbackLocale) ?? region;
        content.Show(ctx, RegionUsedKey, region: name);
    }

    /// <summary>Fixed ids from the directory, in order; a person who said 19+ is never sent to a service only for under-18s, whatever the flow lists.</summary>
    private List<ServiceView> ByIds(TurnContext ctx, IEnumerable<string> ids)
    {
        var adult = ctx.IsAdult;
        var list = new List<ServiceView>();
        foreach (var id in ids)
        {
            if (directory.FindById(id, ctx.Locale, ctx.Input.Now) is { } service && !(adult && service.ForMinorsOnly)) list.Add(service);
        }
        return list;
    }

    private void Render(TurnContext ctx, List<ServiceView> services, string need, string? region)
    {
        foreach (var service in services)
        {
            renderer.Render(ctx, service);
            ctx.Emit(AnalyticsEventNames.ServicesShown, ("need", need), ("region", region ?? BotCatalog.Default.National.Code), ("service_id", service.Id));
        }
    }
}
