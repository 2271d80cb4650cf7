namespace AwarenessBot.Testing.Database;

/// <summary>
/// A test class that gets a fresh backend (one database) per test from <see cref="CreateBackend"/> and disposes it
/// afterwards; the contract tests derive from it once and a subclass per backend picks the backend.
/// </summary>
public abstract class BackendTests<TBackend> : IAsyncLifetime
    where TBackend : class, IAsyncDisposable
{
    private TBackend? _backend;

    protected TBackend Backend => _backend ?? throw new InvalidOperationException("Not initialised.");

    public Task InitializeAsync()
    {
        _backend = CreateBackend();
        OnInitialized(_backend);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        if (_backend is not null)
        {
            await _backend.DisposeAsync();
        }
    }

    protected abstract TBackend CreateBackend();

    /// <summary>Set-up that needs the backend, such as the storage object the tests use.</summary>
    protected virtual void OnInitialized(TBackend backend)
    {
    }
}
