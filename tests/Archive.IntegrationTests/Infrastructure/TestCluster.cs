using Archive.Api.Infrastructure;

namespace Archive.IntegrationTests.Infrastructure;

/// <summary>One throwaway PostgreSQL cluster per test run; every host gets a database of its own.</summary>
public static class TestCluster
{
    static readonly Lazy<PrivatePostgres> Cluster = new(PrivatePostgres.StartThrowaway);

    public static PrivatePostgres Instance => Cluster.Value;

    public static string NewDatabase() => Instance.CreateDatabase("test_" + Guid.NewGuid().ToString("N")[..12]);

    public static void Stop()
    {
        if (Cluster.IsValueCreated) Cluster.Value.Dispose();
    }
}

/// <summary>
/// Every integration test is in this collection, so the cluster is stopped and deleted when the
/// last of them has run (a process-exit handler alone is cut short by the test host).
/// </summary>
[CollectionDefinition(Name)]
public sealed class ArchiveCollection : ICollectionFixture<ArchiveCollection.ClusterLifetime>
{
    public const string Name = "archive";

    public sealed class ClusterLifetime : IDisposable
    {
        public void Dispose()
        {
            TestBroker.Stop();
            TestCluster.Stop();
        }
    }
}
