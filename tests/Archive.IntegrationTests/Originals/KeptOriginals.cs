using Alba;
using Archive.Api.Importing.Syncing;
using Archive.IntegrationTests.Infrastructure;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Archive.IntegrationTests.Originals;

/// <summary>
/// An archive that synced the real moties of shared/fixtures/real/syncfeed-from-odata: the PDF of
/// 2025D16323, the two .docx of 2025D17381 and 2025D19173 (older files than their entities announce:
/// a size mismatch, read and kept all the same), and the .doc of 2009D26343; plus a document of our own
/// (2025D99323) whose entity names the very same PDF. Then the .docx entities sent again without a
/// size, so that their files are fetched a second time. Where ../shared is absent the tests skip.
/// </summary>
public sealed class SyncedRealOriginals : ArchiveHost
{
    public const string Twin = "2025D99323", TwinId = "7e0d6a2c-52b4-4b77-9d35-0c3a7b9e1f11";
    public static readonly string Real = SharedFixtures.Folder is { } f ? Path.Combine(f, "real", "syncfeed-from-odata") : "";

    /// <summary>Each document and the real file its entity's file is (name under the scenario's Resources).</summary>
    public static readonly (string Number, string File, string Type)[] Files =
    [
        ("2025D16323", "S1-real/Resources/d7a5dc6c-3636-4acd-8630-96c14e97dcce.pdf", "application/pdf"),
        ("2025D17381", "S1-real/Resources/09b97518-8d7c-4a90-a090-28e45bc44920.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
        ("2025D19173", "S1-real/Resources/0787ced2-629a-4d32-ab8f-4b97a7680248.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
        ("2009D26343", "S3-variant-msword/Resources/ca71487f-866a-43aa-a9d5-ec3e2c3a236c.doc", "application/msword"),
        (Twin, "S1-real/Resources/d7a5dc6c-3636-4acd-8630-96c14e97dcce.pdf", "application/pdf"),
    ];

    public (long Count, long Bytes) AfterFirst { get; private set; }
    public (long Count, long Bytes) AfterSecond { get; private set; }
    public long RevisionsAfterFirst { get; private set; }
    public long RevisionsAfterSecond { get; private set; }
    public long BytesReceived { get; private set; }

    protected override async Task Seed()
    {
        if (!SharedFixtures.There) return;
        var folder = Directory.CreateTempSubdirectory("archive-originals-").FullName;
        try
        {
            Copy(Path.Combine(Real, "S1-real"), folder);
            File.Copy(Path.Combine(Real, "S3-variant-msword", "document-page-1.xml"), Path.Combine(folder, "document-page-3-msword.xml"));
            File.Copy(Path.Combine(Real, "S3-variant-msword", "Resources", "ca71487f-866a-43aa-a9d5-ec3e2c3a236c.doc"), Path.Combine(folder, "Resources", "ca71487f-866a-43aa-a9d5-ec3e2c3a236c.doc"));
            WriteTwin(folder);
            BytesReceived = Files.Sum(f => new FileInfo(Path.Combine(Real, f.File)).Length);
            var sync = Host.Services.GetRequiredService<OdpSync>();
            await sync.RunAsync(new FolderFeedSource(folder), null, CancellationToken.None);
            (AfterFirst, RevisionsAfterFirst) = (await KeptAsync(), await RevisionsAsync());

            // The .docx entities again, now without a size: both files are fetched and read a second time.
            File.Copy(Path.Combine(Real, "S2-variant-docx", "document-page-1.xml"), Path.Combine(folder, "document-page-4-again.xml"));
            await sync.RunAsync(new FolderFeedSource(folder), null, CancellationToken.None);
            (AfterSecond, RevisionsAfterSecond) = (await KeptAsync(), await RevisionsAsync());
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    static void Copy(string from, string to)
    {
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    /// <summary>The PDF motie's entry as another document (our own number and id) whose file is the very same PDF.</summary>
    static void WriteTwin(string folder)
    {
        var page = File.ReadAllText(Path.Combine(folder, "document-page-1.xml"));
        var start = page.IndexOf("<entry>", StringComparison.Ordinal);
        var entry = page[start..(page.IndexOf("</entry>", start, StringComparison.Ordinal) + "</entry>".Length)];
        var twin = entry.Replace("d7a5dc6c-3636-4acd-8630-96c14e97dcce", TwinId).Replace("2025D16323", Twin);
        File.WriteAllText(Path.Combine(folder, "document-page-2b-twin.xml"), page[..start] + twin + "\n</feed>\n");
        File.Copy(Path.Combine(folder, "Resources", "d7a5dc6c-3636-4acd-8630-96c14e97dcce.pdf"), Path.Combine(folder, "Resources", $"{TwinId}.pdf"));
    }

    public async Task<(long Count, long Bytes)> KeptAsync()
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var reader = await new NpgsqlCommand(
            "select count(*), coalesce(sum(length(data)), 0) from archive.original_parts", connection).ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetInt64(0), reader.GetInt64(1));
    }

    async Task<long> RevisionsAsync()
    {
        await using var session = Host.Services.GetRequiredService<IDocumentStore>().QuerySession();
        return await session.Events.QueryAllRawEvents().Where(e => e.EventTypeName == "revision_imported").CountAsync();
    }

    public async Task<IScenarioResult> Original(string number, int revision = 1, int expect = 200, string? range = null) =>
        await Host.Scenario(s =>
        {
            s.Get.Url($"/api/documents/{number}/revisions/{revision}/original");
            if (range is not null) s.WithRequestHeader("Range", range);
            s.StatusCodeShouldBe(expect);
        });

    public static async Task<byte[]> Bytes(IScenarioResult result)
    {
        using var buffer = new MemoryStream();
        await result.Context.Response.Body.CopyToAsync(buffer);
        return buffer.ToArray();
    }
}
