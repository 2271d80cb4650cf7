using AwarenessBot.Catalog;
using AwarenessBot.Content.Abstractions;
using AwarenessBot.Engine.Abstractions;
using AwarenessBot.Engine.Definitions;
using AwarenessBot.Engine.Rendering;

namespace AwarenessBot.Engine.Runtime.Steps;

/// <summary>
/// Services from the directory: by fixed ids (crisis answers, talk to a person) or by need for the person's region
/// (or another province they chose), audience and language, Indigenous-led first when the person said so.
/// </summary>
internal sealed class ServicesHandler(IServiceDirectory directory, ServiceRenderer renderer, ContentRenderer content) : IStepHandler
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
            var list = new List<ServiceView>(step.ServiceIds.Count);
            foreach (var id in step.ServiceIds)
            {
                // A person who said 19+ is never sent to a service only for under-18s, whatever the flow lists.
                if (directory.FindById(id, ctx.Locale, ctx.Input.Now) is { } service && !(adult && service.ForMinorsOnly)) list.Add(service);
            }
            found = list;
        }
        else
        {
            need = step.Need ?? (step.NeedFrom is { } from ? FieldAccess.Read(ctx, frame, from) : null) ?? "trafficking";
            region = FieldAccess.Read(ctx, frame, step.RegionFrom ?? "profile.region");
            var audience = adult && step.Audience == "youth" ? "adult" : step.Audience ?? ctx.ServiceAudience;
            var query = new ServiceQuery(need, region, audience, ctx.Locale,
                ctx.Session.IndigenousFirst, ctx.Input.Now, step.Limit, adult);
            found = directory.Find(query).Where(s => !(adult && s.ForMinorsOnly)).ToList();
        }
        if (found.Count == 0) content.Show(ctx, "system_services_none");
        else
        {
            ctx.Session.ShownServices = [.. found.Select(s => s.Id)];
            ctx.Session.ShownNeed = need;
        }
        foreach (var service in found)
        {
            renderer.Render(ctx, service);
            ctx.Emit(AnalyticsEventNames.ServicesShown, ("need", need), ("region", region ?? BotCatalog.Default.National.Code), ("service_id", service.Id));
        }
        return StepOutcome.Goto(Conditions.Resolve(step.Next, ctx, frame));
    }
}
