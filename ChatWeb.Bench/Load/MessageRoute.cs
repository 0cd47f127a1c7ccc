using System.Collections.Concurrent;
using ChatWeb.Bench.Clients;

namespace ChatWeb.Bench.Load;

/// <summary>Where messages go (a thread id or relay group), who receives them and who sends them.</summary>
internal sealed class MessageRoute
{
    private readonly Dictionary<BenchPeer, int> positions;

    public MessageRoute(string id, IReadOnlyList<BenchPeer> members, IReadOnlyList<BenchPeer> senders)
        : this(id, members, senders, new ConcurrentQueue<long>())
    {
    }

    private MessageRoute(string id, IReadOnlyList<BenchPeer> members, IReadOnlyList<BenchPeer> senders, ConcurrentQueue<long> ackedSeqs)
    {
        Id = id;
        Members = members;
        Senders = senders;
        AckedSeqs = ackedSeqs;
        positions = members.Select((m, i) => (m, i)).ToDictionary(p => p.m, p => p.i);
    }

    public string Id { get; }
    public IReadOnlyList<BenchPeer> Members { get; }
    public IReadOnlyList<BenchPeer> Senders { get; }

    /// <summary>Every seq the server acknowledged on this route, across all steps of the run.</summary>
    public ConcurrentQueue<long> AckedSeqs { get; }

    /// <summary>
    /// The same thread for the same people on new connections (user index → connection): the seqs
    /// acknowledged so far stay with it, so they are still checked as one run 1..N.
    /// </summary>
    public MessageRoute Rebind(IReadOnlyList<BenchPeer> peersByUser) =>
        new(Id, Members.Select(m => peersByUser[m.Index]).ToList(), Senders.Select(s => peersByUser[s.Index]).ToList(), AckedSeqs);

    /// <summary>The member's bit in a message's delivery mask, or -1 for a connection that is not a member.</summary>
    public int PositionOf(BenchPeer peer) => positions.GetValueOrDefault(peer, -1);

    /// <summary>Seqs must be exactly 1..N: none given twice, none skipped.</summary>
    public string? SeqProblem()
    {
        var seqs = AckedSeqs.ToArray();
        Array.Sort(seqs);
        for (var i = 0; i < seqs.Length; i++)
        {
            if (seqs[i] != i + 1)
            {
                return $"route {Id}: seq #{i + 1} is {seqs[i]} (a gap or a seq given twice)";
            }
        }
        return null;
    }
}
