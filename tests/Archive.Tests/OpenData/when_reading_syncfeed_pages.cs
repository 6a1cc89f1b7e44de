using Archive.Content.OpenData;

namespace Archive.Tests.OpenData;

public class when_reading_syncfeed_pages
{
    static readonly Guid Document = Guid.Parse("5c0a7e2b-3f41-4d8e-9b6a-2e71c9d40632");

    [Fact]
    public void a_document_entry_gives_the_envelope_and_every_field()
    {
        var entry = OdpFixture.Page("document-page-1.xml").Entries[0];
        Assert.Equal((Document, "document"), (entry.Id, entry.Category));
        Assert.Equal(DateTimeOffset.Parse("2026-02-02T09:02:17Z"), entry.Updated.Instant);
        Assert.Equal("https://gegevensmagazijn.tweedekamer.nl/SyncFeed/2.0/Feed?category=Document&skiptoken=20127301", entry.Next);
        Assert.Equal($"https://gegevensmagazijn.tweedekamer.nl/SyncFeed/2.0/Resources/{Document}", entry.Enclosure);
        var d = Assert.IsType<TkDocument>(entry.Entity);
        Assert.Equal(new SourceTime(DateTimeOffset.Parse("2026-02-02T08:51:23Z"), "2026-02-02T08:51:23Z"), d.Updated);
        Assert.Equal(("2026D04632", "Verslag van een schriftelijk overleg", 196, new DateOnly(2026, 1, 30)), (d.Number, d.Kind, d.SequenceNumber, d.Date));
        Assert.Equal("Doen waar Nederland goed in is - Strategie voor Buitenlandse Handel en Ontwikkelingssamenwerking", d.Title);
        Assert.StartsWith("Verslag van een schriftelijk overleg over o.a. beleidsagenda", d.Subject);
        Assert.Equal(Guid.Parse("a1f3c9e0-7b2d-4c55-8e1f-0b9d6a2c1001"), d.CurrentVersion);
        Assert.Equal(Guid.Parse("3e9b1d7c-2a44-4f0e-bb61-9d0c36180000"), d.Dossier);
        Assert.Equal([Guid.Parse("7d2c4e1a-9f3b-4a6d-8c20-20260e020030")], d.Cases);
        Assert.Equal(("application/vnd.openxmlformats-officedocument.wordprocessingml.document", 17081L), (d.ContentType, d.ContentLength));
    }

    [Fact]
    public void a_tombstone_is_understood()
    {
        var entry = OdpFixture.Page("document-page-1.xml").Entries[1];
        var tombstone = Assert.IsType<TkTombstone>(entry.Entity);
        Assert.Equal((Guid.Parse("e4b8a2d1-6c3f-4f7a-9e05-1d2c3b4a5f60"), "document", true), (tombstone.Id, tombstone.Kind, tombstone.Deleted));
        Assert.Equal(DateTimeOffset.Parse("2026-02-03T07:02:11Z"), tombstone.Updated.Instant);
        Assert.Null(entry.Enclosure);
    }

    [Fact]
    public void a_zone_less_time_with_seven_digits_is_dutch_local_time()
    {
        var versions = OdpFixture.Page("documentversie-page-1.xml").Entries.Select(e => Assert.IsType<TkDocumentVersion>(e.Entity)).ToList();
        Assert.Equal([1, 2], versions.Select(v => v.VersionNumber));
        Assert.Equal(new SourceTime(DateTimeOffset.Parse("2026-02-02T08:51:23.457Z"), "2026-02-02T09:51:23.4570000"), versions[0].Date);
        Assert.Equal(DateTimeOffset.Parse("2026-02-09T13:12:40.103Z"), versions[1].Date!.Instant);
        Assert.Equal((Document, 17067L, ".docx", "Vrijgegeven"), (versions[1].Document!.Value, versions[1].FileSize!.Value, versions[1].Extension, versions[1].Status));
    }

    [Theory]
    [InlineData("2026-02-02T08:51:23Z", "2026-02-02T08:51:23Z")]
    [InlineData("2026-02-02T09:51:23+01:00", "2026-02-02T08:51:23Z")]
    [InlineData("2026-02-02T09:51:23.4570000", "2026-02-02T08:51:23.457Z")]
    [InlineData("2026-07-02T10:00:00", "2026-07-02T08:00:00Z")]
    public void all_three_forms_of_timestamp_become_the_same_kind_of_instant(string raw, string instant)
    {
        Assert.True(TkTime.TryParse(raw, out var time));
        Assert.Equal(DateTimeOffset.Parse(instant), time.Instant);
        Assert.Equal(TimeSpan.Zero, time.Instant.Offset);
        Assert.Equal(raw, time.Raw);
    }

    [Fact]
    public void the_dossier_and_the_case_are_read()
    {
        var dossier = Assert.IsType<TkDossier>(Assert.Single(OdpFixture.Page("kamerstukdossier-page-1.xml").Entries).Entity);
        Assert.Equal(("36180", (string?)null, 196), (dossier.Number, dossier.Addition, dossier.HighestSequenceNumber));
        var zaak = Assert.IsType<TkCase>(Assert.Single(OdpFixture.Page("zaak-page-1.xml").Entries).Entity);
        Assert.Equal(("2026Z02003", "Schriftelijk overleg", dossier.Id), (zaak.Number, zaak.Kind, zaak.Dossier!.Value));
    }

    [Fact]
    public void an_empty_page_ends_the_sync() => Assert.True(OdpFixture.Page("document-page-3-empty.xml").IsEmpty);
}
