using System.Reflection;
using SupportFlow.Common;
using SupportFlow.Tickets;

namespace SupportFlow.Tests.Tickets;

/// <summary>
/// History lines are matched by their words (notices, pages, exports): every line the ticket writes
/// uses a defined <see cref="HistoryAction"/> and <see cref="HistoryField"/>, and each lifecycle action
/// writes its own wire name, so a renamed action fails here instead of silently dropping a notice.
/// </summary>
public sealed class HistoryVocabularyTests
{
    internal static readonly IReadOnlySet<string> Actions = Constants(typeof(HistoryAction));

    internal static readonly IReadOnlySet<string> Fields = Constants(typeof(HistoryField));

    [Fact]
    public void EveryLifecycleActionIsAHistoryAction()
    {
        foreach (var action in Enum.GetValues<TicketAction>())
        {
            Assert.Contains(WireNames.Of(action), Actions);
        }
    }

    [Fact]
    public void NoTwoHistoryActionsOrFieldsShareAWord()
    {
        Assert.Equal(typeof(HistoryAction).GetFields().Length, Actions.Count);
        Assert.Equal(typeof(HistoryField).GetFields().Length, Fields.Count);
    }

    [Theory]
    [MemberData(nameof(TicketLifecycleTests.AllowedSteps), MemberType = typeof(TicketLifecycleTests))]
    public void EveryStepWritesItsOwnActionAndKnownFields(TicketLifecycleTests.Step step, TicketStatus from, TicketStatus after)
    {
        var desk = new Desk();
        var ticket = desk.In(from);
        var before = ticket.History.Count;

        TicketLifecycleTests.Take(desk, ticket, step);

        var written = ticket.History.Skip(before).ToList();
        Assert.NotEmpty(written);
        Assert.All(ticket.History, line => Assert.Contains(line.Action, Actions));
        Assert.All(ticket.History.Where(l => l.Field is not null && l.Action != HistoryAction.Sla),
            line => Assert.Contains(line.Field!, Fields));
        var expected = step switch
        {
            TicketLifecycleTests.Step.AutoClose => HistoryAction.AutoClose,
            TicketLifecycleTests.Step.ConfirmSolved or TicketLifecycleTests.Step.ConfirmNotSolved => HistoryAction.Confirm,
            _ => WireNames.Of(Enum.Parse<TicketAction>(step.ToString())),
        };
        Assert.All(written, line => Assert.Equal(expected, line.Action));
        Assert.Equal(after, ticket.Status);
    }

    private static HashSet<string> Constants(Type type) =>
        [.. type.GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!)];
}
