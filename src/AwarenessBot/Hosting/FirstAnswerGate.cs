using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace AwarenessBot.Hosting;

/// <summary>
/// Holds the data load (<see cref="ListenFirst"/>) until the host has sent its first HTTP answer. On two cores the
/// load's threads took both, and the first <c>/healthz</c> (a platform's liveness probe, which JIT-compiles Kestrel's
/// request path) queued behind them: 1.3 s from process start against 0.4 s for the SDK's echo. Nobody asking within
/// <see cref="Grace"/> of listening, or a first request still running after <see cref="MaxHold"/>, releases the load
/// anyway; a turn that comes first is never held (it loads the snapshot itself). Only Kestrel can be asked anything
/// before start-up returns: with any other server (the tests' in-memory one, which still lists an address under
/// WebApplicationFactory) or no address, the load starts at once.
/// </summary>
/// <param name="askableBeforeStart">Read once the server has started: whether a request can arrive before start-up returns.</param>
internal sealed class FirstAnswerGate(Func<bool> askableBeforeStart, TimeProvider time)
{
    /// <summary>Long enough for a probe that polls while the host starts; short enough that an idle start loses little.</summary>
    public static readonly TimeSpan Grace = TimeSpan.FromMilliseconds(300);

    /// <summary>The longest a first request holds the load (a slow client must not delay readiness much).</summary>
    public static readonly TimeSpan MaxHold = TimeSpan.FromSeconds(1);

    private readonly TaskCompletionSource _asked = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _answered = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public bool IsOpen => _answered.Task.IsCompleted;

    public void RequestStarted() => _asked.TrySetResult();

    /// <summary>Called when a response has been sent (<c>HttpResponse.OnCompleted</c>).</summary>
    public Task AnsweredAsync()
    {
        _answered.TrySetResult();
        return Task.CompletedTask;
    }

    public async Task WaitAsync(CancellationToken cancellationToken)
    {
        if (IsOpen || !askableBeforeStart())
        {
            return;
        }

        try
        {
            await _asked.Task.WaitAsync(Grace, time, cancellationToken).ConfigureAwait(false);
            await _answered.Task.WaitAsync(MaxHold, time, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            // Nobody asked, or the first answer is slow: load anyway.
        }
    }

    /// <summary>The host's gate: Kestrel listening on an address (its server type is internal; its assembly says what it is).</summary>
    public static FirstAnswerGate For(IServer server, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(server);
        return new FirstAnswerGate(
            () => server.GetType().Assembly.GetName().Name?.StartsWith("Microsoft.AspNetCore.Server.Kestrel", StringComparison.Ordinal) == true
                && server.Features.Get<IServerAddressesFeature>() is { Addresses.Count: > 0 },
            time);
    }
}
