using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using Microsoft.Extensions.Logging;

namespace AwarenessBot.Tests.Privacy;

/// <summary>
/// Keeps every log entry of a host — message, structured state, scopes and exception — as text, at every level,
/// so a test can prove what never appears in them.
/// </summary>
[ProviderAlias("Capture")]
internal sealed class CapturingLoggerProvider : ILoggerProvider, ISupportExternalScope
{
    private readonly ConcurrentQueue<CapturedLog> _entries = new();
    private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

    public IReadOnlyCollection<CapturedLog> Entries => _entries;

    public ILogger CreateLogger(string categoryName) => new CapturingLogger(categoryName, this);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    /// <summary>Nothing to release; the entries must outlive the host, which is why Dispose keeps them.</summary>
    public void Dispose()
    {
    }

    private sealed class CapturingLogger(string category, CapturingLoggerProvider owner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => owner._scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var structured = new StringBuilder();
            if (state is IEnumerable<KeyValuePair<string, object?>> pairs)
            {
                foreach (var (key, value) in pairs)
                {
                    structured.Append(key).Append('=').Append(Describe(value)).Append('\n');
                }
            }
            else
            {
                structured.Append(Describe(state)).Append('\n');
            }

            owner._scopes.ForEachScope((scope, builder) => builder.Append("scope:").Append(Describe(scope)).Append('\n'), structured);
            owner._entries.Enqueue(new CapturedLog(logLevel, category, eventId.Id, formatter(state, exception), structured.ToString(), exception?.ToString()));
        }

        private static string Describe(object? value) => value switch
        {
            null => "",
            string s => s,
            IEnumerable<KeyValuePair<string, object?>> pairs => string.Join(";", pairs.Select(p => p.Key + "=" + Describe(p.Value))),
            System.Collections.IEnumerable items => string.Join(",", items.Cast<object?>().Select(Describe)),
            IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString() ?? "",
        };
    }
}

internal sealed record CapturedLog(LogLevel Level, string Category, int EventId, string Message, string State, string? Exception)
{
    /// <summary>Everything a log sink could write for this entry.</summary>
    public string AllText => $"{Category}\n{Message}\n{State}\n{Exception}";
}
