using Archive.Content.Generating;
using Archive.Content.OpenTk;

namespace Archive.Tests.Generating;

public class when_generating_a_corpus
{
    static readonly GeneratedDocument[] Documents = new Corpus(2_000, seed: 7).Documents().ToArray();

    [Fact]
    public void the_same_count_and_seed_give_the_same_corpus()
    {
        var again = new Corpus(2_000, seed: 7).Documents().Take(50).SelectMany(d => d.Versions().Select(v => Corpus.Page(d, v)));
        Assert.Equal(Documents.Take(50).SelectMany(d => d.Versions().Select(v => Corpus.Page(d, v))), again);
    }

    [Fact]
    public void another_seed_gives_another_corpus() =>
        Assert.NotEqual(Documents[0].Versions().First().Body, new Corpus(2_000, seed: 8).Documents().First().Versions().First().Body);

    [Fact]
    public void every_text_is_distinct()
    {
        var bodies = Documents.SelectMany(d => d.Versions().Select(v => v.Body)).ToList();
        Assert.Equal(bodies.Count, bodies.Distinct().Count());
    }

    [Fact]
    public void most_documents_have_one_to_three_versions_and_numbers_are_unique()
    {
        Assert.InRange(Documents.Count(d => d.VersionCount <= 3), 1_900, 1_990);
        Assert.Equal(Documents.Length, Documents.Select(d => d.Number).Distinct().Count());
    }

    [Fact]
    public void a_version_differs_from_the_one_before_by_a_few_words()
    {
        var document = Documents.First(d => d.VersionCount >= 3);
        var versions = document.Versions().Select(v => v.Body.Split(' ', '\n')).ToArray();
        for (var v = 1; v < versions.Length; v++)
        {
            var changed = versions[v].Except(versions[v - 1]).Count();
            Assert.InRange(changed, 0, 200);
            Assert.NotEqual(string.Join(' ', versions[v]), string.Join(' ', versions[v - 1]));
        }
    }

    [Fact]
    public void most_dossiers_are_small_and_documents_spread_over_years()
    {
        var sizes = Documents.Where(d => d.Dossier is not null).GroupBy(d => d.Dossier!.Number).Select(g => g.Count()).ToList();
        Assert.True(sizes.Count(s => s < 50) > sizes.Count * 0.8, string.Join(",", sizes));
        Assert.True(Documents.Select(d => d.Date.Year).Distinct().Count() >= 10);
        Assert.True(Documents.Select(d => d.Kind).Distinct().Count() >= 8);
    }

    [Fact]
    public void at_ten_thousand_documents_some_dossier_has_two_thousand() =>
        Assert.True(new Corpus(10_000, seed: 1).DossierSizes[0] >= 2_000);

    [Fact]
    public void every_page_reads_back_as_the_document_it_was_made_from()
    {
        foreach (var document in Documents.Take(200))
        {
            var version = document.Versions().Last();
            var page = OpenTkPageParser.Parse(Corpus.Page(document, version));
            Assert.True(page.Value is not null, page.Error);
            Assert.Equal((document.Number, document.Kind, document.Dossier?.Number, version.Version),
                (page.Value!.Metadata.Number, page.Value.Metadata.Kind, page.Value.Metadata.Dossier?.Number, page.Value.SourceVersion));
        }
    }

    [Fact]
    public void a_marker_word_is_in_one_document_and_a_series_word_in_a_hundred()
    {
        var bodies = Documents.Select(d => d.Versions().First().Body).ToList();
        Assert.Single(bodies, b => b.Contains("kenmerkabc ", StringComparison.Ordinal) || b.Contains("kenmerkabc,", StringComparison.Ordinal));
        Assert.Equal(100, bodies.Count(b => b.Contains("reeksaab.", StringComparison.Ordinal)));
    }
}
