using SupportFlow.Localization;
using SupportFlow.Tickets;

namespace SupportFlow.Tests.Tickets;

public sealed class ImportMappingTests
{
    private static readonly string[] Row = ["20260518-001", "打印机卡纸", "会议室A", "P3", "备注"];

    [Fact]
    public void HeadersOfSupportFlowsOwnExportsFieldNamesAndEitherHalfOfABilingualHeaderMapThemselves()
    {
        var problems = new List<LocalizedMessage>();
        var mapping = ImportMapping.Create(["工单编号 Number", "标题 Title", "Description", "priority", "Remarks"], [], problems);

        Assert.Empty(problems);
        Assert.Equal("打印机卡纸", mapping.Value(Row, "title"));
        Assert.Equal("会议室A", mapping.Value(Row, "description"));
        Assert.Equal("P3", mapping.Value(Row, "priority"));
        Assert.Null(mapping.Value(Row, "module"));
        Assert.Equal(["工单编号 Number", "Remarks"], mapping.Ignored);
    }

    [Fact]
    public void AnExplicitPairOverridesTheHeaderAndBadPairsAreEachNamed()
    {
        var problems = new List<LocalizedMessage>();
        var mapping = ImportMapping.Create(["编号", "问题", "详情", "级别", "备注"],
            ["问题=title", "备注=Description", "详情", "级别=urgency", "Nope=impact"], problems);

        Assert.Equal("打印机卡纸", mapping.Value(Row, "title"));
        Assert.Equal("备注", mapping.Value(Row, "description"));
        Assert.Equal("备注", mapping.ColumnOf("description"));
        Assert.Equal("(no column)", mapping.ColumnOf("priority"));
        Assert.Collection(problems,
            p => Assert.Contains("is not column=field", p.ToString(), StringComparison.Ordinal),
            p => Assert.Contains("unknown field", p.ToString(), StringComparison.Ordinal),
            p => Assert.Contains("no column 'Nope'", p.ToString(), StringComparison.Ordinal));
    }
}
