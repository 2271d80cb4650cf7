using AwarenessBot.Engine.Abstractions;
using AwarenessBot.Storage.ClassResults;

namespace AwarenessBot.Turns;

/// <summary>
/// Adds the turn's quiz answers to their lesson code's counts, after state is saved (so a retried turn counts once);
/// the store takes one answer per question per conversation (a reload that replays the lesson counts nothing new).
/// A failed count is logged by exception type only and never costs the student their reply: the results are a
/// teacher's convenience, the conversation is not.
/// </summary>
internal sealed partial class ClassAnswerRecorder(IClassResultsStore store, ILogger<ClassAnswerRecorder> logger)
{
    public async Task RecordAsync(IReadOnlyList<ClassAnswer> answers, CancellationToken cancellationToken)
    {
        foreach (var answer in answers)
        {
            try
            {
                await store.CountAsync(answer.Code, answer.Question, answer.Choice, answer.Answerer, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogCountFailed(ex.GetType().Name);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A class answer was not counted: {ExceptionType}")]
    private partial void LogCountFailed(string exceptionType);
}
