using AwarenessBot.Engine.Abstractions;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;

namespace Micro.Engine;

/// <summary>
/// One engine turn (IDialogEngine.RunTurn), storage excluded. Budget: under 100 µs. The whole script is measured per
/// turn (OperationsPerInvoke = 12); single turns start from state captured in the middle of the script.
/// <see cref="LongConversationPerTurn"/> keeps one conversation going across invocations, looping through choices and
/// interruptions (help, main menu, free text), so a turn that gets slower as a conversation grows shows here.
/// </summary>
[MemoryDiagnoser]
public class EngineTurnBenchmarks
{
    private ServiceProvider _provider = null!;
    private IDialogEngine _engine = null!;
    private DialogSessionState _beforeFreeText = null!;
    private UserProfileState _profileBeforeFreeText = null!;
    private DialogSessionState _beforeCrisis = null!;
    private UserProfileState _profileBeforeCrisis = null!;
    private DialogSessionState _longSession = null!;
    private UserProfileState _longProfile = null!;

    /// <summary>The loop of the long conversation (once a timing test in the engine tests, now measured here).</summary>
    private static readonly string[] Loop = ["2", "7", "yes", "no", "help", "no", "no", "main menu", "my boss took my passport", "2", "done"];

    [GlobalSetup]
    public void Setup()
    {
        (_provider, _engine) = EngineHost.Build();
        (_beforeFreeText, _profileBeforeFreeText) = StateBefore(8);
        (_beforeCrisis, _profileBeforeCrisis) = StateBefore(9);
        (_longSession, _longProfile) = StateBefore(5);
    }

    [GlobalCleanup]
    public void Cleanup() => _provider.Dispose();

    /// <summary>Mean per turn over the 12-turn script, from fresh state.</summary>
    [Benchmark(OperationsPerInvoke = 12)]
    public int ScriptPerTurn() => EngineScript.Play(_engine, new DialogSessionState(), new UserProfileState());

    [Benchmark]
    public int Greeting() => _engine.RunTurn(EngineScript.Input(0, []), new DialogSessionState(), new UserProfileState()).Replies.Count;

    /// <summary>Free text in the middle of the module (includes copying the captured state, ~0.1 µs).</summary>
    [Benchmark]
    public int FreeText() => _engine.RunTurn(EngineScript.Input(8, []), EngineHost.Clone(_beforeFreeText), EngineHost.Clone(_profileBeforeFreeText)).Replies.Count;

    [Benchmark]
    public int Crisis() => _engine.RunTurn(EngineScript.Input(9, []), EngineHost.Clone(_beforeCrisis), EngineHost.Clone(_profileBeforeCrisis)).Replies.Count;

    /// <summary>Mean per turn over the loop, on one conversation that started at the main menu and never ends.</summary>
    [Benchmark(OperationsPerInvoke = 11)]
    public int LongConversationPerTurn()
    {
        var replies = 0;
        foreach (var text in Loop)
        {
            replies += _engine.RunTurn(new TurnInput(TurnKind.Message, text, "webchat", "en-CA", "en", null, EngineScript.Now), _longSession, _longProfile).Replies.Count;
        }

        return replies;
    }

    private (DialogSessionState, UserProfileState) StateBefore(int step)
    {
        var session = new DialogSessionState();
        var profile = new UserProfileState();
        EngineScript.Play(_engine, session, profile, step);
        return (session, profile);
    }
}
