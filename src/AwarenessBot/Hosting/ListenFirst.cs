namespace AwarenessBot.Hosting;

/// <summary>
/// Kestrel listens before the data loads: every hosted service the bot adds (content and engine load, analyzer
/// warm-up, hot reload, writers, sweepers) is built and started in <see cref="IHostedLifecycleService.StartedAsync"/>,
/// which the host calls after every <c>StartAsync</c>, the web server's included. The load took ≈ 1 s before the
/// first HTTP answer; now <c>/healthz</c> answers while it runs, <c>/readyz</c> says "content not loaded" until it is
/// done, and a turn that arrives meanwhile waits for the load (the snapshot is a lazy value) instead of a refused
/// connection. Start-up still fails fast: an invalid data set throws from <c>StartedAsync</c>, so the host's
/// <c>StartAsync</c> throws with every error listed and the process exits.
/// </summary>
internal static class ListenFirst
{
    /// <summary>
    /// Wraps the <see cref="IHostedService"/> registrations made after <paramref name="firstOwnIndex"/> (the bot's own,
    /// not the web server's, which must still start in <c>StartAsync</c>).
    /// </summary>
    public static void StartOwnHostedServicesAfterListening(this IServiceCollection services, int firstOwnIndex)
    {
        for (var i = firstOwnIndex; i < services.Count; i++)
        {
            var descriptor = services[i];
            if (descriptor.ServiceType != typeof(IHostedService) || descriptor.IsKeyedService) continue;
            // DI disposed what a type or a factory gave it, never an instance it was handed: the wrapper does the same.
            var owned = descriptor.ImplementationInstance is null;
            services[i] = ServiceDescriptor.Singleton<IHostedService>(sp =>
                new StartedAfterListening(() => Create(sp, descriptor), owned, sp.GetRequiredService<FirstAnswerGate>()));
        }
    }

    private static IHostedService Create(IServiceProvider services, ServiceDescriptor descriptor) =>
        (IHostedService)(descriptor.ImplementationInstance
            ?? descriptor.ImplementationFactory?.Invoke(services)
            ?? ActivatorUtilities.CreateInstance(services, descriptor.ImplementationType!));

    /// <summary>
    /// The service itself is built late too: some take the analyzer or the engine in their constructor, and the host
    /// builds every hosted service before starting any.
    /// </summary>
    private sealed class StartedAfterListening(Func<IHostedService> create, bool owned, FirstAnswerGate gate) : IHostedLifecycleService, IAsyncDisposable
    {
        private IHostedService? _inner;

        public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public async Task StartedAsync(CancellationToken cancellationToken)
        {
            // The first HTTP answer goes out before the load takes the cores (FirstAnswerGate).
            await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
            _inner = create();
            await _inner.StartAsync(cancellationToken).ConfigureAwait(false);
        }

        public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => _inner?.StopAsync(cancellationToken) ?? Task.CompletedTask;

        public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public async ValueTask DisposeAsync()
        {
            if (!owned) return;
            if (_inner is IAsyncDisposable asyncDisposable) await asyncDisposable.DisposeAsync().ConfigureAwait(false);
            else (_inner as IDisposable)?.Dispose();
        }
    }
}
