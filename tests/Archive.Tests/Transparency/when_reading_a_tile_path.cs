using Archive.Api.Transparency;
using CsCheck;

namespace Archive.Tests.Transparency;

public class when_reading_a_tile_path
{
    [Theory]
    [InlineData("0/000", false, 0, 0L, 256)]
    [InlineData("1/x001/x234/067.p/8", false, 1, 1234067L, 8)]
    [InlineData("entries/x001/234.p/255", true, 0, 1234L, 255)]
    public void a_path_of_c2sp_tlog_tiles_reads_and_writes_back(string path, bool entries, int level, long index, int width)
    {
        var tile = TilePath.Parse(path)!;
        Assert.Equal(new TilePath(entries, level, index, width), tile);
        Assert.Equal(path, tile.ToString());
    }

    [Theory]
    [InlineData("0/0")]
    [InlineData("0/1234")]
    [InlineData("0/001/002")]
    [InlineData("0/x001")]
    [InlineData("8/000")]
    [InlineData("00/000")]
    [InlineData("0/000.p/256")]
    [InlineData("0/000.p/0")]
    [InlineData("0/000.p/08")]
    [InlineData("data/000")]
    [InlineData("0/x999/x999/x999/x999/x999/x999/x999/999")]
    public void anything_else_is_not_a_tile(string path) => Assert.Null(TilePath.Parse(path));

    [Fact]
    public void every_index_writes_and_reads_back() =>
        Gen.Long[0, long.MaxValue / 1000].Select(Gen.Int[1, 256], Gen.Bool).Sample((index, width, entries) =>
        {
            var tile = new TilePath(entries, entries ? 0 : 3, index, width);
            return TilePath.Parse(tile.ToString()) == tile;
        });
}
