using AwarenessBot.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Time.Testing;

namespace AwarenessBot.Tests.Hosting;

/// <summary>The data load waits for the first HTTP answer, for nobody longer than the grace, and never in memory.</summary>
public sealed class FirstAnswerGateTests
{
    /// <summary>A safety net so a broken gate fails the test instead of hanging it; nothing is timed.</summary>
    private static readonly TimeSpan Hang = TimeSpan.FromSeconds(30);

    [Fact]
    public void A_server_other_than_Kestrel_does_not_hold_the_load_even_with_an_address()
    {
        // WebApplicationFactory's in-memory server lists an address too, and nothing can ask it before start-up returns.
        var gate = FirstAnswerGate.For(new StubServer("http://localhost"), new FakeTimeProvider());

        Assert.True(gate.WaitAsync(CancellationToken.None).IsCompletedSuccessfully);
    }

    [Fact]
    public async Task The_load_waits_until_the_first_request_has_been_answered()
    {
        var gate = new FirstAnswerGate(() => true, new FakeTimeProvider());

        var waiting = gate.WaitAsync(CancellationToken.None);
        gate.RequestStarted();
        Assert.False(waiting.IsCompleted);
        await gate.AnsweredAsync();
        await waiting.WaitAsync(Hang);

        Assert.True(gate.IsOpen);
    }

    [Fact]
    public async Task Nobody_asking_within_the_grace_releases_the_load()
    {
        var time = new FakeTimeProvider();
        var gate = new FirstAnswerGate(() => true, time);

        var waiting = gate.WaitAsync(CancellationToken.None);
        Assert.False(waiting.IsCompleted);
        time.Advance(FirstAnswerGate.Grace);
        await waiting.WaitAsync(Hang);

        Assert.False(gate.IsOpen);
    }

    private sealed class StubServer : IServer
    {
        public StubServer(params string[] addresses)
        {
            var feature = new ServerAddressesFeature();
            foreach (var address in addresses) feature.Addresses.Add(address);
            Features.Set<IServerAddressesFeature>(feature);
        }

        public IFeatureCollection Features { get; } = new FeatureCollection();

        public Task StartAsync<TContext>(IHttpApplication<TContext> application, CancellationToken cancellationToken)
            where TContext : notnull => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public void Dispose()
        {
        }
    }
}
