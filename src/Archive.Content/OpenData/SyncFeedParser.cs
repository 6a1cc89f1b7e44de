using System.Globalization;
using System.Xml;
using Archive.Content.OpenTk;

namespace Archive.Content.OpenData;

/// <summary>
/// Reads one page of the Open Data Portal's Atom SyncFeed, streaming, with DTDs prohibited (no
/// external entities, no entity expansion). A page that is not well-formed, or not Atom, is
/// refused whole; an entry that cannot be read (no GUID, a timestamp in none of the three forms,
/// an entity in an unknown namespace) is left out and reported, and the rest of the page stands.
/// </summary>
public static class SyncFeedParser
{
    public const string Atom = "http://www.w3.org/2005/Atom";
    public const string TkData = "http://www.tweedekamer.nl/xsd/tkData/v1-0";

    static readonly XmlReaderSettings Settings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        MaxCharactersFromEntities = 0,
        IgnoreComments = true,
        IgnoreWhitespace = true,
        IgnoreProcessingInstructions = true,
    };

    public static ParseResult<SyncFeedPage> Parse(Stream xml)
    {
        try
        {
            using var reader = XmlReader.Create(xml, Settings);
            reader.MoveToContent();
            if (reader.LocalName != "feed" || reader.NamespaceURI != Atom)
                return ParseResult<SyncFeedPage>.Fail($"the page is not an Atom feed: its root is <{reader.Name}> in namespace '{reader.NamespaceURI}'");
            var (entries, problems) = (new List<SyncFeedEntry>(), new List<SyncFeedProblem>());
            var position = 0;
            while (reader.Read())
            {
                if (reader.NodeType != XmlNodeType.Element || reader.LocalName != "entry" || reader.NamespaceURI != Atom) continue;
                position++;
                using var subtree = reader.ReadSubtree();
                var (entry, problem) = ReadEntry(subtree, position);
                if (entry is not null) entries.Add(entry);
                if (problem is not null) problems.Add(problem);
            }
            if (reader.ReadState == ReadState.Error) return ParseResult<SyncFeedPage>.Fail("the page was refused: it is not well-formed XML");
            return ParseResult<SyncFeedPage>.Ok(new SyncFeedPage(entries, problems));
        }
        catch (XmlException e)
        {
            var why = e.Message.Contains("DTD", StringComparison.OrdinalIgnoreCase)
                ? "it declares a DOCTYPE, which is refused (DTDs can expand entities: external entities, billion laughs)"
                : $"it is not well-formed XML (line {e.LineNumber}, position {e.LinePosition}: {e.Message})";
            return ParseResult<SyncFeedPage>.Fail($"the page was refused: {why}");
        }
    }

    sealed class Envelope
    {
        public string? Title, Updated, Category, Next, Enclosure;
        public TkEntity? Entity;
        public string? EntityProblem;
    }

    static (SyncFeedEntry?, SyncFeedProblem?) ReadEntry(XmlReader reader, int position)
    {
        var envelope = new Envelope();
        reader.Read();
        while (!reader.EOF)
        {
            if (reader.NodeType != XmlNodeType.Element || reader.Depth != 1)
            {
                if (!reader.Read()) break;   // a reader in error says no more, without being at its end
                continue;
            }
            if (reader.NamespaceURI != Atom) { reader.Skip(); continue; }
            switch (reader.LocalName)
            {
                case "title": envelope.Title = reader.ReadElementContentAsString(); break;
                case "updated": envelope.Updated = reader.ReadElementContentAsString(); break;
                case "category": envelope.Category = reader.GetAttribute("term"); reader.Skip(); break;
                case "link": Link(reader, envelope); break;
                case "content": Content(reader, envelope); break;
                default: reader.Skip(); break;
            }
        }
        if (!Guid.TryParse(envelope.Title, out var id))
            return (null, new SyncFeedProblem(position, envelope.Title, $"the entry's title '{envelope.Title}' is not an entity GUID"));
        if (!TkTime.TryParse(envelope.Updated, out var updated))
            return (null, new SyncFeedProblem(position, envelope.Title, $"<updated> '{envelope.Updated}' is a time in none of the accepted forms (Z, an offset, or Dutch local time)"));
        if (envelope.EntityProblem is not null)
            return (null, new SyncFeedProblem(position, envelope.Title, envelope.EntityProblem));
        return (new SyncFeedEntry(id, envelope.Category ?? "", updated, envelope.Next, envelope.Enclosure, envelope.Entity), null);
    }

    static void Link(XmlReader reader, Envelope envelope)
    {
        switch (reader.GetAttribute("rel"))
        {
            case "next": envelope.Next = reader.GetAttribute("href"); break;
            case "enclosure": envelope.Enclosure = reader.GetAttribute("href"); break;
        }
        reader.Skip();
    }

    static void Content(XmlReader reader, Envelope envelope)
    {
        using var content = reader.ReadSubtree();
        content.Read();
        while (content.Read())
            if (content.NodeType == XmlNodeType.Element)
            {
                if (content.NamespaceURI != TkData)
                    envelope.EntityProblem = $"the entity <{content.LocalName}> is in namespace '{content.NamespaceURI}', not tkData ({TkData})";
                else
                    (envelope.Entity, envelope.EntityProblem) = TkEntityReader.Read(content);
                break;
            }
        reader.Skip();
    }
}

/// <summary>One tkData entity element: its attributes, its value elements and its references.</summary>
static class TkEntityReader
{
    const string Xsi = "http://www.w3.org/2001/XMLSchema-instance";

    public static (TkEntity?, string?) Read(XmlReader reader)
    {
        var kind = reader.LocalName;
        var idText = reader.GetAttribute("id");
        var updatedText = reader.GetAttribute("bijgewerkt", SyncFeedParser.TkData);
        var deleted = reader.GetAttribute("verwijderd", SyncFeedParser.TkData) == "true";
        var contentType = reader.GetAttribute("contentType", SyncFeedParser.TkData);
        var contentLength = reader.GetAttribute("contentLength", SyncFeedParser.TkData);
        if (!Guid.TryParse(idText, out var id)) return (null, $"the <{kind}> has no valid id ('{idText}')");
        if (!TkTime.TryParse(updatedText, out var updated))
            return (null, $"the <{kind}> {id} has tk:bijgewerkt '{updatedText}', a time in none of the accepted forms (Z, an offset, or Dutch local time)");
        if (deleted) return (new TkTombstone(id, updated, kind), null);

        var (values, refs) = Children(reader);
        string? V(string name) => values.GetValueOrDefault(name);
        Guid? R(string name) => refs.TryGetValue(name, out var list) ? list[0] : null;
        int? I(string name) => int.TryParse(V(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : null;
        long? L(string? text) => long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : null;

        TkEntity? entity = kind switch
        {
            "document" => new TkDocument(id, updated, V("documentNummer"), V("soort"), V("titel"), V("onderwerp"), Date(V("datum")), I("volgnummer"),
                R("huidigeDocumentVersie"), R("kamerstukdossier"), refs.GetValueOrDefault("zaak") ?? [], contentType, L(contentLength)),
            "documentVersie" => new TkDocumentVersion(id, updated, R("document"), I("versienummer"), V("status"), L(V("bestandsgrootte")), V("extensie"),
                TkTime.TryParse(V("datum"), out var date) ? date : null),
            "kamerstukdossier" => new TkDossier(id, updated, V("nummer"), V("toevoeging"), V("titel"), I("hoogsteVolgnummer"),
                V("afgesloten") is { } closed ? closed == "true" : null),
            "zaak" => new TkCase(id, updated, V("nummer"), V("soort"), V("onderwerp"), V("titel"), R("kamerstukdossier")),
            "documentActor" => new TkDocumentActor(id, updated, R("document"), V("actorNaam"), V("actorFractie"), V("functie"), V("relatie"), R("persoon"), R("fractie")),
            _ => null,
        };
        return (entity, null);
    }

    static (Dictionary<string, string> Values, Dictionary<string, List<Guid>> Refs) Children(XmlReader reader)
    {
        var (values, refs) = (new Dictionary<string, string>(), new Dictionary<string, List<Guid>>());
        if (reader.IsEmptyElement) return (values, refs);
        var depth = reader.Depth;
        reader.Read();
        while (!reader.EOF && reader.Depth > depth)
        {
            if (reader.NodeType != XmlNodeType.Element)
            {
                if (!reader.Read()) break;
                continue;
            }
            var name = reader.LocalName;
            if (Guid.TryParse(reader.GetAttribute("ref"), out var target))
            {
                (refs.TryGetValue(name, out var list) ? list : refs[name] = []).Add(target);
                reader.Skip();
            }
            else if (reader.GetAttribute("nil", Xsi) == "true") reader.Skip();
            else values[name] = reader.ReadElementContentAsString().Trim();
        }
        return (values, refs);
    }

    /// <summary>A document's datum is a day, written as local midnight ("2026-01-30T00:00:00").</summary>
    static DateOnly? Date(string? text) =>
        text is { Length: >= 10 } && DateOnly.TryParseExact(text[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;
}
