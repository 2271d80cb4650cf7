using AwarenessBot.Analysis.Abstractions;
using AwarenessBot.Analysis.Normalization;

namespace AwarenessBot.Analysis.Frames;

/// <summary>
/// Evaluates the frames over a message's concept hits. A frame fires when every element is present (each on its own
/// tokens where possible); its gates then silence it (topic question, joke, benign pictures) or soften it to a
/// check-in (negation). Frames with no gates always fire: a minor's age with an adult, an aggressor at the door.
/// </summary>
internal sealed class FrameEvaluator(IReadOnlyList<FrameDefinition> frames, int otherPersonConcept)
{
    public IReadOnlyList<FrameDefinition> Frames => frames;

    public int OtherPersonConcept => otherPersonConcept;

    public List<RiskSignal> Evaluate(NormalizedMessage message, ConceptHits hits)
    {
        var signals = new List<RiskSignal>();
        var thirdPerson = otherPersonConcept >= 0 && hits.Has(otherPersonConcept);
        foreach (var frame in frames)
        {
            if (!Satisfied(frame, hits, out var first, out var last))
            {
                continue;
            }

            if (Array.Exists(frame.Gates, g => Active(g, message, hits, first)))
            {
                continue;
            }

            var severity = Array.Exists(frame.SoftenedBy, g => Active(g, message, hits, first)) ? RiskSeverity.CheckIn : frame.Severity;
            var tokens = message.Tokens;
            var start = tokens[first].Start;
            var end = tokens[last].Start + tokens[last].Length;
            signals.Add(new RiskSignal(frame.Category, severity, start, end - start, frame.Id) { ThirdPerson = thirdPerson });
        }

        return signals;
    }

    private static bool Satisfied(FrameDefinition frame, ConceptHits hits, out int first, out int last)
    {
        first = int.MaxValue;
        last = -1;
        var used = new List<(int First, int Last)>(frame.Elements.Length);
        foreach (var element in frame.Elements)
        {
            (int First, int Last)? chosen = null;
            foreach (var concept in element)
            {
                foreach (var span in hits.Spans(concept))
                {
                    // Each element needs its own words: "not paid" is not both the complaint and the pay.
                    if (!used.Exists(u => u.First <= span.Last && span.First <= u.Last))
                    {
                        chosen = span;
                        break;
                    }
                }

                if (chosen is not null)
                {
                    break;
                }
            }

            if (chosen is not { } picked)
            {
                return false;
            }

            used.Add(picked);
            first = Math.Min(first, picked.First);
            last = Math.Max(last, picked.Last);
        }

        return true;
    }

    private static bool Active(GateDefinition gate, NormalizedMessage message, ConceptHits hits, int frameFirst)
    {
        var tokens = message.Tokens;
        foreach (var concept in gate.Concepts)
        {
            foreach (var span in hits.Spans(concept))
            {
                switch (gate.Scope)
                {
                    case GateScope.Message:
                        return true;
                    case GateScope.ThreeBefore:
                        if (span.Last < frameFirst && frameFirst - span.Last <= 3 && tokens[span.Last].Clause == tokens[frameFirst].Clause)
                        {
                            return true;
                        }

                        break;
                    case GateScope.ClauseBefore:
                        // The question words come first ("can my employer keep…"), or anywhere in a clause that ends with "?".
                        var clause = tokens[span.First].Clause;
                        if (clause == tokens[frameFirst].Clause && (span.First <= frameFirst || message.IsQuestionClause(clause))
                            && !ReportedAfter(gate, hits, span.Last, clause, tokens))
                        {
                            return true;
                        }

                        break;
                }
            }
        }

        return false;
    }

    /// <summary>"what should I do if my boss kept my passport": a report after the question words lifts the gate.</summary>
    private static bool ReportedAfter(GateDefinition gate, ConceptHits hits, int after, int clause, IReadOnlyList<MessageToken> tokens)
    {
        foreach (var concept in gate.Unless)
        {
            foreach (var span in hits.Spans(concept))
            {
                if (span.First > after && tokens[span.First].Clause == clause)
                {
                    return true;
                }
            }
        }

        return false;
    }
}
