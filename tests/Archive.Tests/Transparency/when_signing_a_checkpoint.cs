using Archive.Content.Transparency;

namespace Archive.Tests.Transparency;

public class when_signing_a_checkpoint
{
    /// <summary>The example of Go's golang.org/x/mod/sumdb/note (example_test.go): Ed25519 signs deterministically, so our signature must be Go's.</summary>
    const string GoSignerKey = "PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz";
    const string GoVerifierKey = "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW";
    const string GoText = "If you think cryptography is the answer to your problem,\nthen you don't know what your problem is.\n";
    const string GoNote = GoText + "\n\u2014 PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n";

    [Fact]
    public void the_note_is_signed_as_go_signs_it()
    {
        var signer = NoteSigner.Parse(GoSignerKey)!;
        Assert.Equal(GoVerifierKey, signer.VerifierKey);
        Assert.Equal(GoNote, signer.Sign(GoText));
        Assert.Equal(GoSignerKey, signer.ToSignerKey());
    }

    [Fact]
    public void a_note_of_go_opens_with_its_key() => Assert.Equal(GoText, NoteKeys.Open(GoNote, GoVerifierKey, out _));

    [Fact]
    public void a_note_opens_with_the_key_that_signed_it_and_no_other()
    {
        var signer = NoteSigner.Generate("archief.example/log");
        var note = signer.Sign(new Checkpoint("archief.example/log", 12, new byte[32]).Text);
        Assert.Equal("archief.example/log\n12\nAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\n", NoteKeys.Open(note, signer.VerifierKey, out _));
        Assert.Null(NoteKeys.Open(note, NoteSigner.Generate("archief.example/log").VerifierKey, out var why));
        Assert.Contains("not signed by", why);
        Assert.Null(NoteKeys.Open(note.Replace("\n12\n", "\n13\n"), signer.VerifierKey, out why));
        Assert.Contains("does not match", why);
        Assert.Null(NoteKeys.Open(note, "not a key", out why));
    }

    [Fact]
    public void a_signer_key_survives_being_written_and_read()
    {
        var signer = NoteSigner.Generate("x/log");
        var again = NoteSigner.Parse(signer.ToSignerKey())!;
        Assert.Equal(signer.VerifierKey, again.VerifierKey);
        Assert.Null(NoteSigner.Parse(signer.ToSignerKey().Replace("+x/log+", "+y/log+")));
        Assert.Null(NoteSigner.Parse("PRIVATE+KEY+broken"));
    }

    [Fact]
    public void a_checkpoint_reads_back_and_a_broken_one_does_not()
    {
        var checkpoint = new Checkpoint("o", 7, Enumerable.Range(0, 32).Select(i => (byte)i).ToArray());
        var read = Checkpoint.Parse(checkpoint.Text)!;
        Assert.Equal((checkpoint.Origin, checkpoint.Size), (read.Origin, read.Size));
        Assert.Equal(checkpoint.Root, read.Root);
        Assert.Null(Checkpoint.Parse("o\n-1\nAA==\n"));
        Assert.Null(Checkpoint.Parse("o\n7\n"));
    }

    [Fact]
    public void a_log_record_reads_back_exactly()
    {
        var record = new LogRecord(42, "2026D04632", 3, "revision_imported", DateTimeOffset.Parse("2026-02-03T10:00:00+01:00"),
            DateTimeOffset.Parse("2026-02-04T10:00:00Z"), new string('a', 64), null);
        Assert.Equal(record, LogRecord.Parse(record.Bytes));
        Assert.Contains("source-updated-at 2026-02-03T09:00:00.0000000+00:00\n", record.Text);
        Assert.Null(LogRecord.Parse(System.Text.Encoding.UTF8.GetBytes(record.Text.Replace("version 3", "version 03"))));
        Assert.Null(LogRecord.Parse(System.Text.Encoding.UTF8.GetBytes(record.Text + "extra\n")));
    }
}
