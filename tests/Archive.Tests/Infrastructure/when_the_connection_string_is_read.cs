using Archive.Api.Infrastructure;
using Npgsql;

namespace Archive.Tests.Infrastructure;

public class when_the_connection_string_is_read
{
    [Fact]
    public void statements_are_prepared_after_two_uses_and_jit_is_off_unless_it_says_otherwise()
    {
        var given = new NpgsqlConnectionStringBuilder(ConnectionDefaults.Apply("Host=db;Database=archive;Username=a"));
        Assert.Equal((50, 2, "-c jit=off", "db", "archive"), (given.MaxAutoPrepare, given.AutoPrepareMinUsages, given.Options, given.Host, given.Database));
    }

    [Theory]
    [InlineData("Host=db;Max Auto Prepare=0", 0, 0)]
    [InlineData("Host=db;maxautoprepare=10", 10, 0)]
    [InlineData("Host=db;Auto Prepare Min Usages=7", 0, 7)]
    public void a_string_that_names_either_prepare_setting_keeps_its_own(string connectionString, int max, int usages)
    {
        var given = new NpgsqlConnectionStringBuilder(ConnectionDefaults.Apply(connectionString));
        var stated = new NpgsqlConnectionStringBuilder(connectionString);
        Assert.Equal((stated.MaxAutoPrepare, stated.AutoPrepareMinUsages), (given.MaxAutoPrepare, given.AutoPrepareMinUsages));
        Assert.Equal((max, usages == 0 ? stated.AutoPrepareMinUsages : usages), (given.MaxAutoPrepare, given.AutoPrepareMinUsages));
    }

    [Theory]
    [InlineData("Host=db;Options=-c search_path=x", "-c search_path=x")]
    [InlineData("Host=db;Options=-c jit=on", "-c jit=on")]
    [InlineData("Host=db;Options=", "")]
    public void a_string_that_names_options_keeps_its_own(string connectionString, string options) =>
        Assert.Equal(options, new NpgsqlConnectionStringBuilder(ConnectionDefaults.Apply(connectionString)).Options ?? "");
}
