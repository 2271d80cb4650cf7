using Microsoft.Extensions.Logging;

namespace AwarenessBot.Analysis.Azure;

/// <summary>Everything the Azure provider logs: kinds, status codes, durations, counts. Never text.</summary>
internal static partial class AzureLog
{
    [LoggerMessage(EventId = 4101, Level = LogLevel.Debug, Message = "Azure {Kind} succeeded in {ElapsedMs} ms")]
    public static partial void Succeeded(ILogger logger, string kind, long elapsedMs);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Warning, Message = "Azure {Kind} unavailable ({Reason}); using the local result")]
    public static partial void FellBack(ILogger logger, string kind, string reason);

    [LoggerMessage(EventId = 4103, Level = LogLevel.Information, Message = "Azure {Kind} failed ({Reason}); retry {Attempt} in {DelayMs} ms")]
    public static partial void Retrying(ILogger logger, string kind, string reason, int attempt, int delayMs);

    [LoggerMessage(EventId = 4104, Level = LogLevel.Warning, Message = "Azure AI Language circuit opened for {BreakSeconds} s; local analysis only")]
    public static partial void CircuitOpened(ILogger logger, int breakSeconds);

    [LoggerMessage(EventId = 4105, Level = LogLevel.Information, Message = "Azure AI Language circuit closed")]
    public static partial void CircuitClosed(ILogger logger);

    [LoggerMessage(EventId = 4106, Level = LogLevel.Debug, Message = "Analysis by {Provider} in {ElapsedMs} ms: language {Language}, {PersonalDataCount} personal data spans, signals [{Categories}]")]
    public static partial void Analysed(ILogger logger, string provider, long elapsedMs, string language, int personalDataCount, string categories);
}
