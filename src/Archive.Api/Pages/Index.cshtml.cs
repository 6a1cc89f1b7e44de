using Archive.Api.ChangeFeed;
using Archive.Api.Documents.GettingDetails;
using Marten;

namespace Archive.Api.Pages;

/// <summary>The front door: the latest changes the Archive recorded, newest first.</summary>
public sealed class IndexModel(IQuerySession session) : ArchivePage
{
    public IReadOnlyList<ChangeRecord> Changes { get; private set; } = [];
    public int DocumentCount { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Changes = await session.Query<ChangeRecord>().OrderByDescending(c => c.Id).Take(40).ToListAsync(ct);
        DocumentCount = await session.Query<DocumentDetails>().CountAsync(ct);
    }

    public static string What(ChangeRecord change) => change.Type.Replace(ChangeRecords.TypePrefix, "").Split('.')[0] switch
    {
        "created" => "nieuw document",
        "revised" => "nieuwe versie",
        "withdrawn" => "ingetrokken",
        "restored" => "teruggezet",
        var other => other,
    };
}
