using AwarenessBot.Analysis.Abstractions;
using AwarenessBot.Analysis.Normalization;

namespace AwarenessBot.Analysis.Frames;

/// <summary>
/// Evaluates the frames over a message's concept hits. A frame fires when every element is present (each on its own
/// tokens where possible); its gates then silence it (topic question, joke, benign pictures) or soften it to a
/// check-in (negation). Frames with no gates always fire: a minor's age with an adult, an aggressor at the door.
/// </summary>
internal sealed class FrameEvaluator(IReadOnlyList<FrameDefinition> frames, ThirdPersonRule thirdPersonRule)
{
    public IReadOnlyList<FrameDefinition> Frames => frames;

    /// <summary>When a message is about someone else (seeds/triage/frames.yaml, third_person).</summary>
    public ThirdPersonRule ThirdPerson => thirdPersonRule;

    /// <param name="silenced">Categories whose frame matched but a gate silenced ("he never hit me", "what is
    /// sextortion?"): the model may not raise them either, since the frame saw more than its n-grams can.</param>
    public List<RiskSignal> Evaluate(NormalizedMessage message, ConceptHits hits, HashSet<RiskCategory> silenced)
    {
        // Every message is checked against every frame and almost none is satisfied: the loops below allocate nothing
        // until one is (no delegate per element, no closure per frame, no list per frame, no boxed enumerator), since
        // this ran on every turn and was the turn's largest allocation site in the host's profile.
        var signals = new List<RiskSignal>();
        var thirdPerson = thirdPersonRule.Holds(hits);
        List<(int First, int Last)>? used = null;
        foreach (var frame in frames)
        {
            if (!EveryElementPresent(frame, hits))
            {
                continue; // cheap rejection before the search
            }

            used ??= new List<(int First, int Last)>(frame.Elements.Length);
            used.Clear();
            if (!Assign(frame.Elements, 0, hits, used))
            {
                continue;
            }

            var (first, last) = Extent(used);
            if (AnyActive(frame.Gates, message, hits, first, used))
            {
                silenced.Add(frame.Category);
                continue;
            }

            var severity = AnyActive(frame.SoftenedBy, message, hits, first, used) ? RiskSeverity.CheckIn : frame.Severity;
            var tokens = message.Tokens;
            var start = tokens[first].Start;
            var end = tokens[last].Start + tokens[last].Length;
            signals.Add(new RiskSignal(frame.Category, severity, start, end - start, frame.Id) { ThirdPerson = thirdPerson });
        }

        return signals;
    }

    /// <summary>Each element has at least one of its concepts somewhere in the message.</summary>
    private static bool EveryElementPresent(FrameDefinition frame, ConceptHits hits)
    {
        foreach (var element in frame.Elements)
        {
            if (!AnyHit(element, hits))
            {
                return false;
            }
        }

        return true;
    }

    private static bool AnyHit(int[] concepts, ConceptHits hits)
    {
        foreach (var concept in concepts)
        {
            if (hits.Has(concept))
            {
                return true;
            }
        }

        return false;
    }

    private static (int First, int Last) Extent(List<(int First, int Last)> used)
    {
        var (first, last) = used[0];
        for (var i = 1; i < used.Count; i++)
        {
            first = Math.Min(first, used[i].First);
            last = Math.Max(last, used[i].Last);
        }

        return (first, last);
    }

    private static bool AnyActive(GateDefinition[] gates, NormalizedMessage message, ConceptHits hits, int frameFirst, List<(int First, int Last)> used)
    {
        foreach (var gate in gates)
        {
            if (Active(gate, message, hits, frameFirst, used))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Every element on its own words ("not paid" is not both the complaint and the pay): a small backtracking search,
    /// since a long entry of one concept ("menace de publier") may hide a shorter one another element needs.
    /// </summary>
    private static bool Assign(int[][] elements, int index, ConceptHits hits, List<(int First, int Last)> used)
    {
        if (index == elements.Length)
        {
            return true;
        }

        foreach (var concept in elements[index])
        {
            var spans = hits.Spans(concept);
            for (var s = 0; s < spans.Count; s++)
            {
                var span = spans[s];
                if (Overlaps(used, span))
                {
                    continue;
                }

                used.Add(span);
                if (Assign(elements, index + 1, hits, used))
                {
                    return true;
                }

                used.RemoveAt(used.Count - 1);
            }
        }

        return false;
    }

    private static bool Overlaps(List<(int First, int Last)> used, (int First, int Last) span)
    {
        foreach (var u in used)
        {
            if (u.First <= span.Last && span.First <= u.Last)
            {
                return true;
            }
        }

        return false;
    }

    private static bool Active(GateDefinition gate, NormalizedMessage message, ConceptHits hits, int frameFirst, List<(int First, int Last)> used)
    {
        // "no es broma", "not joking": the gate's own word, denied, lifts it; so does a denial just before it.
        if (gate.Scope == GateScope.Message) return HoldsInMessage(gate, message, hits);
        var tokens = message.Tokens;
        foreach (var concept in gate.Concepts)
        {
            foreach (var span in hits.Spans(concept))
            {
                switch (gate.Scope)
                {
                    case GateScope.ThreeBefore:
                        // "he never hit me", "il ne m'a jamais frappée": a negation just before any piece of the frame;
                        // not one inside "I don't know" ("j'sais pas quoi faire il a une arme").
                        if (!Inside(span, gate.Unless, hits) && used.Exists(u => span.Last < u.First && u.First - span.Last <= 3 && tokens[span.Last].Clause == tokens[u.First].Clause))
                        {
                            return true;
                        }

                        break;
                    case GateScope.ClauseBefore:
                        // The question words come first ("can my employer keep…"), or anywhere in a clause that ends with "?".
                        var clause = tokens[span.First].Clause;
                        if (clause == tokens[frameFirst].Clause && (span.First <= frameFirst || message.IsQuestionClause(clause))
                            && !ReportedAfter(gate, hits, span.First, span.Last, clause, tokens))
                        {
                            return true;
                        }

                        break;
                }
            }
        }

        return false;
    }

    /// <summary>A gate over the whole message, as the model's gates read it: one of its words not denied, nothing of unless.</summary>
    internal static bool HoldsInMessage(GateDefinition gate, NormalizedMessage message, ConceptHits hits) =>
        !Array.Exists(gate.Unless, hits.Has)
        && Array.Exists(gate.Concepts, c => hits.Spans(c).Any(span => !DeniedJustBefore(span, gate.DeniedBy, hits, message.Tokens)));

    /// <summary>A denying word at most two words before, in the same clause: "never gave it back", "nunca lo devolvió".</summary>
    private static bool DeniedJustBefore((int First, int Last) span, int[] deniers, ConceptHits hits, IReadOnlyList<MessageToken> tokens) =>
        Array.Exists(deniers, c => hits.Spans(c).Any(d => d.Last < span.First && span.First - d.Last <= 2 && tokens[d.Last].Clause == tokens[span.First].Clause));

    private static bool Inside((int First, int Last) span, int[] concepts, ConceptHits hits) =>
        Array.Exists(concepts, c => hits.Spans(c).Any(outer => outer.First <= span.First && span.Last <= outer.Last));

    /// <summary>
    /// "what should I do if my boss kept my passport": a report after the question words lifts the gate, and so does a
    /// longer phrase that begins with them ("c'est quoi je fais si…" is "what do I do", not "what is").
    /// </summary>
    private static bool ReportedAfter(GateDefinition gate, ConceptHits hits, int first, int after, int clause, IReadOnlyList<MessageToken> tokens)
    {
        foreach (var concept in gate.Unless)
        {
            foreach (var span in hits.Spans(concept))
            {
                if ((span.First > after || (span.First <= first && span.Last > after)) && tokens[span.First].Clause == clause)
                {
                    return true;
                }
            }
        }

        return false;
    }
}
