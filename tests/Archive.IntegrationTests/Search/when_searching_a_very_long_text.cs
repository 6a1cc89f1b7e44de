using System.Text;
using Archive.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Hosting;

namespace Archive.IntegrationTests.Search;

/// <summary>
/// A text of 200,000 different words (about 1.8 MB): more than PostgreSQL holds in one tsvector
/// (1 MB), so it is only searchable because it is indexed in slices.
/// </summary>
public sealed class AVeryLongText : ArchiveHost
{
    protected override void Configure(IWebHostBuilder builder) => builder.UseSetting("Archive:Imports:MaxBodyBytes", "10000000");

    protected override async Task Seed()
    {
        var body = new StringBuilder();
        for (var i = 0; i < 200_000; i++) body.Append("woord").Append(i).Append(i % 12 == 11 ? "\n\n" : " ");
        body.Append("slotwoord\n");
        await Import($"""
            [overzicht]

            Een lang stuk

            Lange tekst

            Nummer: 2031D00001, datum: 2031-01-01, bijgewerkt: 2031-01-01 10:00, versie: 1

            Preview document (🔗 origineel)

            {body}
            """, expect: 201);
    }
}

[Collection(ArchiveCollection.Name)]
public class when_searching_a_very_long_text(AVeryLongText archive) : IClassFixture<AVeryLongText>
{
    [Theory]
    [InlineData("woord7")]
    [InlineData("woord199999")]
    [InlineData("slotwoord")]
    [InlineData("woord3 slotwoord")]
    public async Task words_anywhere_in_it_are_found(string q)
    {
        var results = (await archive.GetJson("/api/search?q=" + Uri.EscapeDataString(q)))["results"]!.AsArray();
        Assert.Equal("2031D00001", (string)results.Single()!["number"]!);
    }
}
