using Archive.Content.Transparency;
using CsCheck;

namespace Archive.Tests.Transparency;

/// <summary>The tree, its proofs and their checks, against RFC 6962's definition computed the slow way.</summary>
public class when_hashing_the_log_as_rfc_6962
{
    /// <summary>The leaves of Certificate Transparency's reference tests (certificate-transparency-go, merkle tests).</summary>
    static readonly byte[][] ReferenceLeaves =
        [[], [0x00], [0x10], [0x20, 0x21], [0x30, 0x31], [0x40, 0x41, 0x42, 0x43], [0x50, 0x51, 0x52, 0x53, 0x54, 0x55, 0x56, 0x57],
         [0x60, 0x61, 0x62, 0x63, 0x64, 0x65, 0x66, 0x67, 0x68, 0x69, 0x6a, 0x6b, 0x6c, 0x6d, 0x6e, 0x6f]];

    /// <summary>MTH(D[n]) as RFC 6962 2.1 defines it, recursively over the leaf hashes.</summary>
    static byte[] Mth(IReadOnlyList<byte[]> leafHashes)
    {
        if (leafHashes.Count == 0) return MerkleTree.EmptyRoot();
        if (leafHashes.Count == 1) return leafHashes[0];
        var k = 1;
        while (k * 2 < leafHashes.Count) k *= 2;
        return MerkleTree.NodeHash(Mth(leafHashes.Take(k).ToList()), Mth(leafHashes.Skip(k).ToList()));
    }

    /// <summary>A log's stored hashes, built by appending the leaves in batches of the given sizes.</summary>
    static Dictionary<Node, byte[]> Stored(IReadOnlyList<byte[]> leafHashes, int batch = 3)
    {
        var stored = new Dictionary<Node, byte[]>();
        for (var size = 0; size < leafHashes.Count; size += batch)
        {
            var frontier = MerkleTree.Frontier(size).ToHashSet();
            var appended = MerkleTree.Append(size, leafHashes.Skip(size).Take(batch).ToList(), n =>
            {
                Assert.Contains(n, frontier);
                return stored[n];
            });
            foreach (var (node, hash) in appended) stored.Add(node, hash);
        }
        return stored;
    }

    static List<byte[]> Leaves(int count) => Enumerable.Range(0, count).Select(i => MerkleTree.LeafHash(BitConverter.GetBytes(i))).ToList();

    [Fact]
    public void the_roots_are_those_of_certificate_transparency()
    {
        var stored = Stored(ReferenceLeaves.Select(l => MerkleTree.LeafHash(l)).ToList());
        Assert.Equal("6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d", Convert.ToHexStringLower(MerkleTree.RootHash(1, n => stored[n])));
        Assert.Equal("5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328", Convert.ToHexStringLower(MerkleTree.RootHash(8, n => stored[n])));
        Assert.Equal("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", Convert.ToHexStringLower(MerkleTree.RootHash(0, n => stored[n])));
    }

    [Fact]
    public void every_root_from_stored_hashes_is_the_recursive_definition()
    {
        var leaves = Leaves(70);
        var stored = Stored(leaves, batch: 5);
        for (var size = 0; size <= leaves.Count; size++)
            Assert.Equal(Mth(leaves.Take(size).ToList()), MerkleTree.RootHash(size, n => stored[n]));
    }

    [Fact]
    public void every_stored_hash_is_the_root_of_its_subtree()
    {
        var leaves = Leaves(40);
        foreach (var (node, hash) in Stored(leaves))
            Assert.Equal(Mth(leaves.Skip((int)node.FirstLeaf).Take(1 << node.Level).ToList()), hash);
    }

    [Fact]
    public void every_inclusion_proof_checks_and_no_other_leaf_or_place_does()
    {
        var leaves = Leaves(33);
        var stored = Stored(leaves);
        for (var size = 1; size <= leaves.Count; size++)
        {
            var root = Mth(leaves.Take(size).ToList());
            for (var index = 0; index < size; index++)
            {
                var proof = MerkleTree.InclusionProof(index, size, n => stored[n]);
                Assert.True(MerkleTree.VerifyInclusion(index, size, leaves[index], proof, root), $"leaf {index} of {size}");
                Assert.False(MerkleTree.VerifyInclusion(index, size, leaves[(index + 1) % leaves.Count], proof, root));
                if (size > 1) Assert.False(MerkleTree.VerifyInclusion((index + 1) % size, size, leaves[index], proof, root));
                Assert.False(MerkleTree.VerifyInclusion(index, size, leaves[index], proof, MerkleTree.LeafHash([9])));
            }
        }
    }

    [Fact]
    public void every_consistency_proof_checks_and_not_against_another_history()
    {
        var leaves = Leaves(33);
        var other = Leaves(33);
        other[5] = MerkleTree.LeafHash([0xff]);
        var stored = Stored(leaves);
        for (var to = 1; to <= leaves.Count; to++)
        for (var from = 1; from <= to; from++)
        {
            var proof = MerkleTree.ConsistencyProof(from, to, n => stored[n]);
            var fromRoot = Mth(leaves.Take(from).ToList());
            var toRoot = Mth(leaves.Take(to).ToList());
            Assert.True(MerkleTree.VerifyConsistency(from, fromRoot, to, toRoot, proof), $"{from} → {to}");
            if (from > 5) Assert.False(MerkleTree.VerifyConsistency(from, Mth(other.Take(from).ToList()), to, toRoot, proof), $"rewritten {from} → {to}");
            if (from != to) Assert.False(MerkleTree.VerifyConsistency(from, fromRoot, to, MerkleTree.LeafHash([1]), proof));
        }
    }

    [Fact]
    public void a_proof_reads_only_a_logarithm_of_stored_hashes() =>
        Gen.Long[1, 1L << 40].SelectMany(size => Gen.Long[0, size - 1].Select(index => (size, index))).Sample((size, index) =>
        {
            var bound = 2 * (64 - long.LeadingZeroCount(size));
            var inclusion = MerkleTree.NodesFor(read => MerkleTree.InclusionProof(index, size, read));
            var consistency = MerkleTree.NodesFor(read => MerkleTree.ConsistencyProof(index + 1, size, read));
            return inclusion.Count <= bound && consistency.Count <= bound;
        });

    [Fact]
    public void random_trees_agree_with_the_definition() =>
        Gen.Int[1, 200].Select(Gen.Int[1, 17]).Sample((count, batch) =>
        {
            var leaves = Leaves(count);
            var stored = Stored(leaves, batch);
            return MerkleTree.RootHash(count, n => stored[n]).AsSpan().SequenceEqual(Mth(leaves));
        }, iter: 60);
}
