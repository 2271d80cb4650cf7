using AwarenessBot.Analysis.DependencyInjection;
using AwarenessBot.Analysis.Local;
using AwarenessBot.BotFramework;
using AwarenessBot.Channels;
using AwarenessBot.Content.DependencyInjection;
using AwarenessBot.DirectLine;
using AwarenessBot.Engine.Abstractions;
using AwarenessBot.Engine.DependencyInjection;
using AwarenessBot.Engine.Snapshots;
using AwarenessBot.Limits;
using AwarenessBot.Operations;
using AwarenessBot.Rendering;
using AwarenessBot.Turns;
using AwarenessBot.WebPage;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector.Authentication;

namespace AwarenessBot.Hosting;

/// <summary>The host's table of contents: every service and endpoint, in the order the samples register them.</summary>
internal static class BotHostingExtensions
{
    public static WebApplicationBuilder AddAwarenessBot(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var configuration = builder.Configuration;
        var firstOwnRegistration = services.Count;
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = RequestLimits.MaxBodyBytes);
        services.AddSingleton(TimeProvider.System);
        var paths = RepositoryPaths.Resolve(configuration, builder.Environment.ContentRootPath);
        services.AddSingleton(paths);

        // 0. Data: content and services (validated at start-up; reloaded when authors edit seeds/).
        services.AddContentRepository(options =>
        {
            options.SeedsPath = paths.Seeds;
            options.HotReload = configuration.GetValue("Content:HotReload", defaultValue: true);
        });

        // 0b. Text analysis: local lexicons by default, Azure AI Language when configured (signals always local).
        //     The triage lexicons are one stage of the data pipeline (4.); the analyzer it built at start-up is reused.
        var triage = new TriageDataCheck();
        services.AddSingleton(sp =>
        {
            sp.GetRequiredService<IDialogEngine>();
            var analyzer = triage.TakeBuilt() ?? LocalTextAnalyzer.FromSeeds(paths.Seeds);
            // An accepted edit of seeds/ (triage lexicons, the model) reaches the running analyzer, as it reaches the engine.
            sp.GetRequiredService<DataSnapshotHolder>().Swapped += _ =>
            {
                if (triage.TakeLatest() is { } fresh) analyzer.Adopt(fresh);
            };
            return analyzer;
        });
        services.AddTextAnalysis(configuration, paths.Seeds);
        services.AddCloudAnalysisBudget();

        // 1. Authentication of Bot Connector traffic (anonymous when MicrosoftAppId is empty).
        // With an app id, replies only to the serviceUrl the validated token names (ServiceUrlGuard).
        services.AddSingleton(sp => new AnonymousModeSetting(sp.GetRequiredService<IConfiguration>()));
        services.AddKeyedSingleton<BotFrameworkAuthentication, ConfigurationBotFrameworkAuthentication>(ServiceUrlGuard.InnerKey);
        // Bot Connector and user token clients are kept per identity rather than built for every turn.
        services.AddSingleton<SharedClientCache<Microsoft.Bot.Connector.IConnectorClient>>();
        services.AddSingleton<SharedClientCache<UserTokenClient>>();
        services.AddSingleton<BotFrameworkAuthentication>(sp => new ServiceUrlGuard(
            sp.GetRequiredKeyedService<BotFrameworkAuthentication>(ServiceUrlGuard.InnerKey),
            sp.GetRequiredService<SharedClientCache<Microsoft.Bot.Connector.IConnectorClient>>(),
            sp.GetRequiredService<SharedClientCache<UserTokenClient>>()));

        // 2. The adapter with its error handler (the turn runner's own failure handling, for what fails around it).
        services.AddSingleton<AwarenessAdapter>();
        services.AddSingleton<CloudAdapter>(sp => sp.GetRequiredService<AwarenessAdapter>());
        services.AddSingleton<IBotFrameworkHttpAdapter>(sp => sp.GetRequiredService<AwarenessAdapter>());

        // 3. Storage and state: the storage library's state store, which turns load and save through, and Bot
        //    Framework's IStorage adapted over it (the same rows, for SDK components and tests that read them).
        services.AddBotStorage(configuration);
        services.AddBotStateStorage();
        services.AddSingleton<StateKeys>();
        services.AddSingleton<TurnStateStore>();

        // 4. The dialog engine over one snapshot of seeds/ and dialogs/ (every stage validated when the host starts,
        //    swapped as a whole on a valid edit) and its analytics events.
        services.AddDialogEngine(paths.Dialogs, paths.Seeds, [triage.Check]);
        services.AddSingleton<IEngineEventPublisher, AnalyticsEventPublisher>();
        services.AddSingleton<ClassAnswerRecorder>();

        // 5. The turn runner every channel calls (text analysis, state, engine, renderers that turn the engine's
        //    structured replies into each channel family's messages, failure handling), and the thin SDK bot over it
        //    (transient, as in the samples: all state lives in storage).
        services.AddSingleton<ChannelWordingText>();
        services.AddSingleton<ReplyRenderers>();
        services.AddSingleton<TurnTextAnalysis>();
        services.AddSingleton<TurnFailure>();
        services.AddSingleton<ITurnRunner, TurnRunner>();
        services.AddTransient<IBot, AwarenessActivityBot>();

        // 6. The built-in web channel (Direct Line 3.0-compatible) and the Web Chat page.
        services.AddDirectLineChannel(configuration);
        services.AddWebChatPage(configuration);

        // 6b. Abuse limits (ASP.NET Core rate limiter, per client address / conversation / user; forwarded headers).
        services.AddAbuseLimits(configuration);
        // 6c. Provider channels without Azure: Twilio SMS and the WhatsApp Cloud API (off until configured).
        services.AddProviderChannels(configuration);

        // 7. Operations: health, admin dashboard (anonymous aggregates only).
        services.AddSingleton<StorageReadinessCheck>();
        services.AddHealthChecks()
            .AddCheck<ContentReadinessCheck>("content", tags: [HealthEndpoints.ReadyTag])
            .AddCheck<StorageReadinessCheck>("storage", tags: [HealthEndpoints.ReadyTag])
            .AddCheck<TextAnalysisHealthCheck>("text-analysis", tags: [HealthEndpoints.ReadyTag])
            .AddCheck<CloudAnalysisReadinessCheck>("text-analysis-cloud", tags: [HealthEndpoints.ReadyTag]);
        services.AddAdminDashboard(configuration);

        // 8. Listen first: the hosted services above (the data load among them) start once Kestrel listens and has
        //    sent its first answer (or after a short grace).
        //    The gate's grace runs on the real clock: a test's fake clock must not be able to stall start-up.
        services.AddSingleton(sp => FirstAnswerGate.For(sp.GetRequiredService<IServer>(), TimeProvider.System));
        services.StartOwnHostedServicesAfterListening(firstOwnRegistration);
        return builder;
    }

    public static WebApplication UseAwarenessBot(this WebApplication app)
    {
        // The data loads once Kestrel listens (ListenFirst); data that does not validate still stops the host, from
        // its StartAsync, with every error of every stage listed.
        if (AnonymousMode.IsOn(app.Configuration))
        {
            app.Logger.LogWarning(
                "ANONYMOUS LOCAL MODE: MicrosoftAppId is empty, so /api/messages authenticates nobody. It answers only " +
                "serviceUrls on this machine (the Emulator), and replies over HTTP only to callers on this machine. " +
                "Set MicrosoftAppId and MicrosoftAppPassword before exposing the bot to Azure Bot Service channels.");
        }

        app.UseFirstAnswerGate();
        app.UseSecurityHeaders();
        // Liveness before routing (no endpoint matcher to build for a probe); routing then, explicitly, because the
        // abuse limits read their scope from the endpoint.
        app.UseLivenessProbe();
        app.UseRouting();
        app.UseAbuseLimits();
        app.UsePrecompressedAssets();
        app.UseStaticFiles();
        app.UseWebSockets();
        app.MapDirectLineChannel();
        app.MapWebChatPage();
        app.MapBotMessages();
        app.MapProviderChannels();
        app.MapHealthEndpoints();
        app.MapPrivacyPage();
        app.MapEducatorsPage();
        app.MapAdminDashboard();
        return app;
    }
}
