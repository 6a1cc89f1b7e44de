using System.Numerics;
using System.Security.Cryptography;

namespace Archive.Content.Transparency;

/// <summary>
/// A complete subtree of the log: the 2^<see cref="Level"/> leaves from <c>Index × 2^Level</c> on.
/// Level 0 is a leaf. These are the hashes the log stores; any other hash is computed from them.
/// </summary>
public readonly record struct Node(int Level, long Index)
{
    public long FirstLeaf => Index << Level;
    public override string ToString() => $"{Level}/{Index}";
}

/// <summary>
/// The Merkle tree of RFC 6962 (section 2.1, kept in RFC 9162): leaf = SHA-256(0x00 ‖ data),
/// node = SHA-256(0x01 ‖ left ‖ right), the root of n leaves split at the largest power of two
/// below n. Hashes of complete subtrees are stored (<see cref="Node"/>); a root, an inclusion proof
/// or a consistency proof is computed from at most 2·log₂ n of them. A caller that reads them from
/// a database asks <see cref="NodesFor"/> first, reads those in one query, and passes them in.
/// </summary>
public static class MerkleTree
{
    public const int HashSize = 32;

    public static byte[] LeafHash(ReadOnlySpan<byte> data)
    {
        var input = new byte[data.Length + 1];
        data.CopyTo(input.AsSpan(1));
        return SHA256.HashData(input);
    }

    public static byte[] NodeHash(ReadOnlySpan<byte> left, ReadOnlySpan<byte> right)
    {
        Span<byte> input = stackalloc byte[1 + 2 * HashSize];
        input[0] = 1;
        left.CopyTo(input[1..]);
        right.CopyTo(input[(1 + HashSize)..]);
        return SHA256.HashData(input);
    }

    /// <summary>The root of the empty tree: SHA-256 of nothing.</summary>
    public static byte[] EmptyRoot() => SHA256.HashData(ReadOnlySpan<byte>.Empty);

    /// <summary>The subtrees that leaf <paramref name="index"/> completes, the leaf itself first: what appending it stores.</summary>
    public static IEnumerable<Node> CompletedBy(long index)
    {
        yield return new Node(0, index);
        for (var level = 1; ((index + 1) & ((1L << level) - 1)) == 0; level++)
            yield return new Node(level, ((index + 1) >> level) - 1);
    }

    /// <summary>
    /// The hashes of the leaves appended to a tree of <paramref name="size"/> leaves and of every
    /// subtree they complete, given the stored hashes of the tree's right edge (<see cref="Frontier"/>).
    /// </summary>
    public static List<(Node Node, byte[] Hash)> Append(long size, IReadOnlyList<byte[]> leafHashes, Func<Node, byte[]> stored)
    {
        var made = new Dictionary<Node, byte[]>();
        byte[] Read(Node n) => made.TryGetValue(n, out var h) ? h : stored(n);
        var appended = new List<(Node, byte[])>();
        for (var i = 0; i < leafHashes.Count; i++)
            foreach (var node in CompletedBy(size + i))
            {
                var hash = node.Level == 0 ? leafHashes[i]
                    : NodeHash(Read(new Node(node.Level - 1, 2 * node.Index)), Read(new Node(node.Level - 1, 2 * node.Index + 1)));
                made[node] = hash;
                appended.Add((node, hash));
            }
        return appended;
    }

    /// <summary>The complete subtrees a tree of <paramref name="size"/> leaves is made of, largest first: what appending to it reads.</summary>
    public static IEnumerable<Node> Frontier(long size)
    {
        long start = 0;
        for (var level = 62; level >= 0; level--)
            if ((size & (1L << level)) != 0)
            {
                yield return new Node(level, start >> level);
                start += 1L << level;
            }
    }

    public static byte[] RootHash(long size, Func<Node, byte[]> stored) =>
        size == 0 ? EmptyRoot() : Range(0, size, stored);

    /// <summary>The audit path of leaf <paramref name="index"/> in the tree of <paramref name="size"/> leaves (RFC 6962 2.1.1: PATH).</summary>
    public static List<byte[]> InclusionProof(long index, long size, Func<Node, byte[]> stored)
    {
        if (index < 0 || index >= size) throw new ArgumentOutOfRangeException(nameof(index), $"leaf {index} is not in a tree of {size}");
        var proof = new List<byte[]>();
        Path(index, 0, size, stored, proof);
        return proof;
    }

    /// <summary>The proof that the tree of <paramref name="from"/> leaves is a prefix of the tree of <paramref name="to"/> (RFC 6962 2.1.2: PROOF).</summary>
    public static List<byte[]> ConsistencyProof(long from, long to, Func<Node, byte[]> stored)
    {
        if (from < 0 || from > to) throw new ArgumentOutOfRangeException(nameof(from), $"a tree of {from} is not a prefix of a tree of {to}");
        var proof = new List<byte[]>();
        if (from > 0 && from < to) SubProof(from, 0, to, true, stored, proof);
        return proof;
    }

    /// <summary>The stored hashes that <paramref name="compute"/> reads (it is run once with placeholders to find them).</summary>
    public static HashSet<Node> NodesFor(Action<Func<Node, byte[]>> compute)
    {
        var nodes = new HashSet<Node>();
        var placeholder = new byte[HashSize];
        compute(node => { nodes.Add(node); return placeholder; });
        return nodes;
    }

    static byte[] Range(long start, long end, Func<Node, byte[]> stored)
    {
        var n = end - start;
        if (BitOperations.IsPow2(n) && start % n == 0) return stored(new Node(BitOperations.Log2((ulong)n), start / n));
        var k = SplitOf(n);
        return NodeHash(Range(start, start + k, stored), Range(start + k, end, stored));
    }

    static void Path(long index, long start, long end, Func<Node, byte[]> stored, List<byte[]> proof)
    {
        var n = end - start;
        if (n == 1) return;
        var k = SplitOf(n);
        if (index - start < k)
        {
            Path(index, start, start + k, stored, proof);
            proof.Add(Range(start + k, end, stored));
        }
        else
        {
            Path(index, start + k, end, stored, proof);
            proof.Add(Range(start, start + k, stored));
        }
    }

    static void SubProof(long m, long start, long end, bool whole, Func<Node, byte[]> stored, List<byte[]> proof)
    {
        var n = end - start;
        if (m == n)
        {
            if (!whole) proof.Add(Range(start, end, stored));
            return;
        }
        var k = SplitOf(n);
        if (m <= k)
        {
            SubProof(m, start, start + k, whole, stored, proof);
            proof.Add(Range(start + k, end, stored));
        }
        else
        {
            SubProof(m - k, start + k, end, false, stored, proof);
            proof.Add(Range(start, start + k, stored));
        }
    }

    /// <summary>The largest power of two smaller than <paramref name="n"/> (n ≥ 2).</summary>
    static long SplitOf(long n) => 1L << BitOperations.Log2((ulong)(n - 1));

    /// <summary>Whether <paramref name="proof"/> shows the leaf of hash <paramref name="leafHash"/> at <paramref name="index"/> in the tree of <paramref name="size"/> with <paramref name="root"/> (RFC 9162 2.1.3.2).</summary>
    public static bool VerifyInclusion(long index, long size, ReadOnlySpan<byte> leafHash, IReadOnlyList<byte[]> proof, ReadOnlySpan<byte> root)
    {
        if (index < 0 || index >= size) return false;
        long fn = index, sn = size - 1;
        var r = leafHash.ToArray();
        foreach (var p in proof)
        {
            if (p.Length != HashSize || sn == 0) return false;
            if ((fn & 1) == 1 || fn == sn)
            {
                r = NodeHash(p, r);
                while ((fn & 1) == 0 && fn != 0) { fn >>= 1; sn >>= 1; }
            }
            else r = NodeHash(r, p);
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && r.AsSpan().SequenceEqual(root);
    }

    /// <summary>Whether <paramref name="proof"/> shows the tree of <paramref name="from"/> leaves and <paramref name="fromRoot"/> to be a prefix of the tree of <paramref name="to"/> and <paramref name="toRoot"/> (RFC 9162 2.1.4.2).</summary>
    public static bool VerifyConsistency(long from, ReadOnlySpan<byte> fromRoot, long to, ReadOnlySpan<byte> toRoot, IReadOnlyList<byte[]> proof)
    {
        if (from < 0 || from > to || proof.Any(p => p.Length != HashSize)) return false;
        if (from == to) return proof.Count == 0 && fromRoot.SequenceEqual(toRoot);
        if (from == 0) return proof.Count == 0;
        var path = BitOperations.IsPow2(from) ? [fromRoot.ToArray(), .. proof] : proof.ToList();
        if (path.Count == 0) return false;
        long fn = from - 1, sn = to - 1;
        while ((fn & 1) == 1) { fn >>= 1; sn >>= 1; }
        byte[] fr = path[0], sr = path[0];
        foreach (var c in path.Skip(1))
        {
            if (sn == 0) return false;
            if ((fn & 1) == 1 || fn == sn)
            {
                fr = NodeHash(c, fr);
                sr = NodeHash(c, sr);
                while ((fn & 1) == 0 && fn != 0) { fn >>= 1; sn >>= 1; }
            }
            else sr = NodeHash(sr, c);
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && fr.AsSpan().SequenceEqual(fromRoot) && sr.AsSpan().SequenceEqual(toRoot);
    }
}
