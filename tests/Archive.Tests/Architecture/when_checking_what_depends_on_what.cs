using ArchUnitNET.Domain;
using ArchUnitNET.Loader;
using ArchUnitNET.xUnit;
using static ArchUnitNET.Fluent.ArchRuleDefinition;

namespace Archive.Tests.Architecture;

/// <summary>
/// The never-rules of the layout: the pure core knows nothing of the deployable, and the history
/// of a document knows neither where its revisions come from nor who listens to it.
/// </summary>
public class when_checking_what_depends_on_what
{
    static readonly ArchUnitNET.Domain.Architecture Archive = new ArchLoader()
        .LoadAssemblies(typeof(Program).Assembly, typeof(Archive.Content.Documents.DocumentMetadata).Assembly).Build();

    static readonly string[] SourcesAndListeners = ["Importing", "ChangeFeed", "Webhooks", "Search", "Pages"];

    [Fact]
    public void the_content_library_depends_on_no_type_of_the_api() =>
        Types().That().ResideInAssembly(typeof(Archive.Content.Documents.DocumentMetadata).Assembly)
            .Should().NotDependOnAny(Types().That().ResideInAssembly(typeof(Program).Assembly))
            .Check(Archive);

    [Theory]
    [MemberData(nameof(Forbidden))]
    public void documents_depend_on_no_source_and_no_listener(string feature) =>
        Types().That().ResideInNamespaceMatching(@"^Archive\.Api\.Documents(\..+)?$")
            .Should().NotDependOnAny(Types().That().ResideInNamespaceMatching($@"^Archive\.Api\.{feature}(\..+)?$"))
            .Check(Archive);

    public static TheoryData<string> Forbidden => [.. SourcesAndListeners];
}
