using SupportFlow.Archive;

namespace SupportFlow.Tests.Archive;

public sealed class TrackingColumnsTests
{
    [Fact]
    public void TheColumnsFollowTheSeedTemplateAndAreBilingualAndUnique()
    {
        var headers = TrackingColumns.Headers.ToList();
        Assert.Equal(["工单编号 Number", "报修时间 Received"], headers.Take(2));
        foreach (var required in new[] { "报修人", "部门", "问题所属模块", "问题描述", "影响范围", "紧急程度", "处理负责人", "状态",
                     "首次响应时限", "首次响应达成", "分派时限", "进度更新时限", "解决时限", "解决达成", "原因", "解决方案",
                     "处理结果确认", "满意度", "关闭时间" })
        {
            Assert.Contains(headers, h => h.StartsWith(required + " ", StringComparison.Ordinal));
        }

        Assert.All(headers, h => Assert.Matches(@"^\p{IsCJKUnifiedIdeographs}+ [A-Z]", h));
        Assert.Equal(headers.Count, headers.Distinct().Count());
        Assert.Equal(TrackingColumns.All.Count, TrackingColumns.All.Select(c => c.Key).Distinct().Count());
    }
}
