using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace AwarenessBot.Hosting;

/// <summary>
/// Holds the data load (<see cref="ListenFirst"/>) until the host has sent its first HTTP answer. On two cores the
/// load's threads took both, and the first <c>/healthz</c> (a platform's liveness probe, which JIT-compiles Kestrel's
/// request path) queued behind them: 1.3 s from process start against 0.4 s for the SDK's echo. Nobody asking within
/// <see cref="Grace"/> of listening, or a first request still running after <see cref="MaxHold"/>, releases the load
/// anyway; a turn that comes first is never held (it loads the snapshot itself). A server with no network address
/// (the tests' in-memory server) cannot be asked anything before start-up returns, so there the load starts at once.
/// </summary>
internal sealed class FirstAnswerGate(IServer server, TimeProvider time)
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
        if (IsOpen || server.Features.Get<IServerAddressesFeature>() is not { Addresses.Count: > 0 })
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
}
