using Archive.Content.Diffing;
using Archive.Content.Documents;
using Archive.Content.OpenTk;
using Archive.Content.Structure;

namespace Archive.Tests.Diffing;

public class when_comparing_the_two_fixture_versions
{
    static readonly OpenTkPage V1 = OpenTkPageParser.Parse(Fixture.Text("2026D04632-v1.txt")).Value!;
    static readonly OpenTkPage V2 = OpenTkPageParser.Parse(Fixture.Text("2026D04632-v2.txt")).Value!;

    /// <summary>Each change: the deleted and the inserted text of one run of changes between equal text.</summary>
    static List<(string Deleted, string Inserted)> Changes(TextDiff diff)
    {
        var changes = new List<(string, string)>();
        foreach (var row in diff.Rows.Where(r => r.Kind != RowKind.Equal))
        {
            var (deleted, inserted) = ("", "");
            foreach (var op in row.Ops.Append(new DiffOp(OpKind.Equal, "")))
            {
                if (op.Kind == OpKind.Delete) deleted += op.Text;
                else if (op.Kind == OpKind.Insert) inserted += op.Text;
                else if (deleted.Length + inserted.Length > 0) { changes.Add((deleted, inserted)); (deleted, inserted) = ("", ""); }
            }
        }
        return changes;
    }

    [Fact]
    public void the_word_diff_reports_exactly_the_five_body_changes()
    {
        var diff = TextDiffer.Compare(V1.Body, V2.Body);
        Assert.Equal(
        [
            ("………….", "9 februari"),
            ("…….", "6 februari"),
            ("dien", "dient"),
            ("parters", "partners"),
            ("Investement", "Investment"),
        ], Changes(diff));
        Assert.All(diff.Rows.Where(r => r.Kind != RowKind.Equal), r => Assert.Equal(RowKind.Changed, r.Kind));
        Assert.False(diff.Coarser);
        Assert.Equal(new DiffStats(7, 3, 0, 0, 0, 5, 0), diff.Stats);
    }

    [Fact]
    public void the_changed_lines_are_where_the_fixture_readme_says() =>
        Assert.Equal([4, 8, 109, 121, 125], TextDiffer.Compare(V1.Body, V2.Body).Rows.Where(r => r.Kind != RowKind.Equal).Select(r => r.OldLine!.Value));

    [Fact]
    public void the_metadata_diff_reports_versie_and_bijgewerkt()
    {
        var changes = MetadataChanges.Between(
            new RevisionFacts(V1.SourceVersion, V1.SourceUpdatedRaw, V1.Metadata),
            new RevisionFacts(V2.SourceVersion, V2.SourceUpdatedRaw, V2.Metadata));
        Assert.Equal([new FieldChange("versie", "1", "2"), new FieldChange("bijgewerkt", "2026-02-02 09:51", "2026-02-09 14:12")], changes);
    }

    [Fact]
    public void the_metadata_diff_names_a_changed_dossier_and_case()
    {
        var moved = V1.Metadata with { Dossier = V1.Metadata.Dossier! with { SequenceNumber = 197 }, CaseNumbers = ["2026Z02003", "2026Z09999"] };
        var changes = MetadataChanges.Between(new RevisionFacts(1, "x", V1.Metadata), new RevisionFacts(1, "x", moved));
        Assert.Equal(["dossier", "cases"], changes.Select(c => c.Field));
        Assert.StartsWith("36180-197 Doen waar", changes[0].New);
        Assert.Equal("2026Z02003, 2026Z09999", changes[1].New);
    }

    [Fact]
    public void the_structural_summary_names_the_parts_that_changed() =>
        Assert.Equal(
        [
            "Inleiding: gewijzigd (+4 −0 woorden)",
            "VVD, vraag 4: antwoord gewijzigd (+1 −1 woorden)",
            "VVD, vraag 6: antwoord gewijzigd (+2 −2 woorden)",
        ], StructuralSummary.Of(TextDiffer.Compare(V1.Body, V2.Body)).Select(c => c.Text));

    [Fact]
    public void the_structure_finds_each_party_its_questions_and_the_footnotes()
    {
        var units = DocumentStructure.Parse(Content.Diffing.Tokens.Lines(V1.Body));
        Assert.Equal(["Inleiding", "D66", "VVD", "CDA", "Reactie"], units.Where(u => u.Kind == "sectie").Select(u => u.Label));
        Assert.Equal(5, units.Count(u => u.Kind == "vraag" && u.Label.StartsWith("D66")));
        Assert.Equal(9, units.Count(u => u.Kind == "antwoord" && u.Label.StartsWith("VVD")));
        Assert.Equal(Enumerable.Range(1, 16).Select(n => $"voetnoot {n}"), units.Where(u => u.Kind == "voetnoot").Select(u => u.Label));
        var question = units.Single(u => u.Label == "VVD, vraag 1");
        Assert.StartsWith("De leden van de VVD-fractie benadrukken het belang van handel", Content.Diffing.Tokens.Lines(V1.Body)[question.FirstLine]);
    }

    [Fact]
    public void character_granularity_shows_the_single_letters()
    {
        var diff = TextDiffer.Compare(V1.Body, V2.Body, new DiffOptions { Granularity = Granularity.Char });
        var partners = diff.Rows.Single(r => r.OldLine == 121);
        Assert.Equal([new DiffOp(OpKind.Insert, "n")], partners.Ops.Where(o => o.Kind != OpKind.Equal));
    }

    [Fact]
    public void line_granularity_replaces_whole_paragraphs()
    {
        var diff = TextDiffer.Compare(V1.Body, V2.Body, new DiffOptions { Granularity = Granularity.Line });
        Assert.Equal(5, diff.Rows.Count(r => r.Kind == RowKind.Deleted));
        Assert.Equal(5, diff.Rows.Count(r => r.Kind == RowKind.Inserted));
        Assert.Equal(V2.Body, diff.NewText());
    }

    [Fact]
    public void the_same_text_gives_an_empty_diff()
    {
        var diff = TextDiffer.Compare(V1.Body, V1.Body);
        Assert.False(diff.HasChanges);
        Assert.Equal("", UnifiedPatch.Write(diff, "a", "b"));
        Assert.Empty(StructuralSummary.Of(diff));
    }
}
