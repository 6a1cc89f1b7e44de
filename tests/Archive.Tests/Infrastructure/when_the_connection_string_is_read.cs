using Archive.Api.Infrastructure;
using Npgsql;

namespace Archive.Tests.Infrastructure;

public class when_the_connection_string_is_read
{
    [Fact]
    public void statements_are_prepared_after_two_uses_unless_it_says_otherwise()
    {
        var given = new NpgsqlConnectionStringBuilder(PreparedStatements.Default("Host=db;Database=archive;Username=a"));
        Assert.Equal((50, 2, "db", "archive"), (given.MaxAutoPrepare, given.AutoPrepareMinUsages, given.Host, given.Database));
    }

    [Theory]
    [InlineData("Host=db;Max Auto Prepare=0")]
    [InlineData("Host=db;maxautoprepare=10")]
    [InlineData("Host=db;Auto Prepare Min Usages=7")]
    public void a_string_that_names_either_setting_keeps_its_own(string connectionString) =>
        Assert.Equal(connectionString, PreparedStatements.Default(connectionString));
}
