using SupportFlow.Common;
using SupportFlow.Tickets;

namespace SupportFlow.Tests.Common;

/// <summary>Request checks: every bad field gets its own message, and all of them come back at once.</summary>
public sealed class RequestErrorsTests
{
    private readonly RequestErrors _errors = new();

    // ---- text ----

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\t\n")]
    public void MissingRequiredTextIsReported(string? value)
    {
        var result = _errors.Required("title", value, 200);

        Assert.Equal("", result);
        Assert.False(_errors.IsValid);
        Assert.Equal(["title is required."], _errors.ToDictionary()["title"]);
    }

    [Fact]
    public void RequiredTextIsTrimmed()
    {
        Assert.Equal("Printer broken", _errors.Required("title", "  Printer broken \n", 200));
        Assert.True(_errors.IsValid);
    }

    [Fact]
    public void TextOfExactlyTheMaximumLengthIsAccepted()
    {
        var text = new string('a', 200);

        Assert.Equal(text, _errors.Required("title", text, 200));
        Assert.True(_errors.IsValid);
    }

    [Fact]
    public void SurroundingSpaceDoesNotCountTowardsTheLength()
    {
        var text = "  " + new string('a', 200) + "  ";

        Assert.Equal(new string('a', 200), _errors.Required("title", text, 200));
        Assert.True(_errors.IsValid);
    }

    [Fact]
    public void TooLongTextIsReportedWithTheLimit()
    {
        _errors.Required("title", new string('a', 201), 200);

        var message = Assert.Single(_errors.ToDictionary()["title"]);
        Assert.Contains("too long", message, StringComparison.Ordinal);
        Assert.Contains("200", message, StringComparison.Ordinal);
        Assert.Contains("201", message, StringComparison.Ordinal);
    }

    [Fact]
    public void ChineseTextIsMeasuredInCharactersNotBytes()
    {
        var text = new string('打', 100);

        Assert.Equal(text, _errors.Required("title", text, 100));
        Assert.True(_errors.IsValid);
    }

    [Theory]
    [InlineData("Printer\u0000broken")]
    [InlineData("Printer\u0007broken")]
    [InlineData("Printer\u001bbroken")]
    [InlineData("Printer\u007fbroken")]
    [InlineData("Printer\u0085broken")]
    public void ControlCharactersAreRefused(string value)
    {
        _errors.Required("description", value, 2000);

        Assert.Contains("control characters", Assert.Single(_errors.ToDictionary()["description"]), StringComparison.Ordinal);
    }

    [Fact]
    public void LineBreaksAndTabsAreAllowedInText()
    {
        Assert.Equal("Step 1\r\nStep 2\tdone", _errors.Required("description", "Step 1\r\nStep 2\tdone", 2000));
        Assert.True(_errors.IsValid);
    }

    [Fact]
    public void MissingOptionalTextIsNull()
    {
        Assert.Null(_errors.Optional("workaround", null, 100));
        Assert.Null(_errors.Optional("workaround", "  ", 100));
        Assert.True(_errors.IsValid);
    }

    [Fact]
    public void OptionalTextIsStillChecked()
    {
        Assert.Null(_errors.Optional("workaround", new string('x', 101), 100));
        Assert.Null(_errors.Optional("backup", "a\u0001b", 100));

        Assert.Equal(["backup", "workaround"], _errors.ToDictionary().Keys.Order(StringComparer.Ordinal));
    }

    // ---- enums ----

    [Theory]
    [InlineData("P1", Priority.P1)]
    [InlineData("p1", Priority.P1)]
    [InlineData(" P4 ", Priority.P4)]
    public void PriorityIsParsedIgnoringCase(string value, Priority expected)
    {
        Assert.Equal(expected, _errors.Enum<Priority>("priority", value));
        Assert.True(_errors.IsValid);
    }

    [Theory]
    [InlineData("P5")]
    [InlineData("P0")]
    [InlineData("5")]
    [InlineData("1")]
    [InlineData(" 2")]
    [InlineData("-1")]
    [InlineData("urgent")]
    public void UnknownPriorityIsRefusedNamingTheChoices(string value)
    {
        Assert.Null(_errors.Enum<Priority>("priority", value));

        var message = Assert.Single(_errors.ToDictionary()["priority"]);
        Assert.Contains("P1, P2, P3, P4", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("+1")]
    [InlineData("+2")]
    public void SignedNumberIsNotAPriority(string value)
    {
        Assert.Null(_errors.Enum<Priority>("priority", value));
        Assert.False(_errors.IsValid);
    }

    [Theory]
    [InlineData("P1,P2")]
    [InlineData("P1, P2")]
    public void ListOfPrioritiesIsNotAPriority(string value)
    {
        Assert.Null(_errors.Enum<Priority>("priority", value));
        Assert.False(_errors.IsValid);
    }

    [Theory]
    [InlineData("remote,onsite")]
    [InlineData("+2")]
    public void ListOrSignedNumberIsNotAWorkMethod(string value)
    {
        Assert.Null(_errors.Enum<WorkMethod>("method", value));
        Assert.False(_errors.IsValid);
    }

    [Theory]
    [InlineData("onsite", WorkMethod.Onsite)]
    [InlineData("Remote", WorkMethod.Remote)]
    [InlineData("PHONE", WorkMethod.Phone)]
    public void WorkMethodIsParsedFromItsWireName(string value, WorkMethod expected)
    {
        Assert.Equal(expected, _errors.Enum<WorkMethod>("method", value));
    }

    [Fact]
    public void MissingRequiredEnumIsReportedAndOptionalIsNot()
    {
        Assert.Null(_errors.Enum<Verification>("verification", null, required: false));
        Assert.True(_errors.IsValid);

        Assert.Null(_errors.Enum<PendingReason>("reason", " "));
        Assert.Contains("reporter, vendor", Assert.Single(_errors.ToDictionary()["reason"]), StringComparison.Ordinal);
    }

    [Fact]
    public void StatusWireNamesAreCamelCase()
    {
        Assert.Equal("inProgress", WireNames.Of(TicketStatus.InProgress));
        Assert.Equal("new, assigned, inProgress, pending, resolved, closed, cancelled", WireNames.All<TicketStatus>());
        Assert.Equal("P2", WireNames.Of(Priority.P2));
    }

    // ---- times ----

    [Theory]
    [InlineData("2026-05-20T14:30")]
    [InlineData("2026-05-20T14:30:00")]
    [InlineData("2026-05-20 14:30")]
    [InlineData("2026-05-20")]
    [InlineData("20 May 2026 14:30")]
    public void TimeWithoutOffsetIsRefused(string value)
    {
        Assert.Null(_errors.Time("occurredAt", value));

        Assert.Contains("offset", Assert.Single(_errors.ToDictionary()["occurredAt"]), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Tue 2026-05-19 14:30")]
    [InlineData("Tuesday, 2026-05-19 14:30")]
    public void TimeWithoutOffsetIsRefusedEvenAfterAWeekdayName(string value)
    {
        Assert.Null(_errors.Time("occurredAt", value));
        Assert.False(_errors.IsValid);
    }

    [Theory]
    [InlineData("2026-05-20T14:30+08:00", "2026-05-20T06:30:00Z")]
    [InlineData("2026-05-20T00:30+08:00", "2026-05-19T16:30:00Z")]
    [InlineData("2026-05-20T14:30:15-05:00", "2026-05-20T19:30:15Z")]
    [InlineData("2026-05-20T14:30Z", "2026-05-20T14:30:00Z")]
    [InlineData("2026-05-20T14:30:00.250+00:00", "2026-05-20T14:30:00.250Z")]
    public void TimeWithOffsetIsConvertedToUtc(string value, string utc)
    {
        var time = _errors.Time("receivedAt", value);

        Assert.True(_errors.IsValid);
        Assert.NotNull(time);
        Assert.Equal(TimeSpan.Zero, time.Value.Offset);
        Assert.Equal(DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture), time.Value);
    }

    [Theory]
    [InlineData("yesterday")]
    [InlineData("2026-13-01T10:00+08:00")]
    [InlineData("2026-05-20T25:00+08:00")]
    [InlineData("2026-05-20T10:00+25:00")]
    public void UnreadableTimeIsRefused(string value)
    {
        Assert.Null(_errors.Time("occurredAt", value));
        Assert.False(_errors.IsValid);
    }

    [Fact]
    public void MissingTimeIsReportedOnlyWhenRequired()
    {
        Assert.Null(_errors.Time("dueAt", null, required: false));
        Assert.True(_errors.IsValid);

        Assert.Null(_errors.Time("receivedAt", ""));
        Assert.Contains("required", Assert.Single(_errors.ToDictionary()["receivedAt"]), StringComparison.Ordinal);
    }

    // ---- period bounds ----

    private static readonly OrganizationTime ShanghaiTime = new(TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai"));

    [Theory]
    [InlineData("2026-11-07", PeriodEnd.From, "2026-11-06T16:00:00Z")] // midnight in Shanghai
    [InlineData("2026-11-07", PeriodEnd.To, "2026-11-07T16:00:00Z")] // the end of that day: the next midnight
    [InlineData(" 2026-11-07 ", PeriodEnd.To, "2026-11-07T16:00:00Z")]
    [InlineData("2026-11-07T09:30+08:00", PeriodEnd.From, "2026-11-07T01:30:00Z")]
    [InlineData("2026-11-07T09:30+08:00", PeriodEnd.To, "2026-11-07T01:30:00Z")] // a time is taken as given
    [InlineData("2026-11-07T09:30Z", PeriodEnd.To, "2026-11-07T09:30:00Z")]
    public void APeriodBoundIsADayOfTheOrganisationsZoneOrATimeWithOffset(string value, PeriodEnd end, string utc)
    {
        var bound = _errors.PeriodBound("from", value, ShanghaiTime, end);

        Assert.True(_errors.IsValid);
        Assert.Equal(DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture), bound);
        Assert.Equal(TimeSpan.Zero, bound!.Value.Offset);
    }

    [Theory]
    [InlineData("2026-11-7")]
    [InlineData("2026-11-07T09:30")]
    [InlineData("07/11/2026")]
    [InlineData("2026-02-30")]
    [InlineData("today")]
    public void AnythingElseIsRefusedNamingBothForms(string value)
    {
        Assert.Null(_errors.PeriodBound("to", value, ShanghaiTime, PeriodEnd.To));

        var message = Assert.Single(_errors.ToDictionary()["to"]);
        Assert.Contains("YYYY-MM-DD", message, StringComparison.Ordinal);
        Assert.Contains("offset", message, StringComparison.Ordinal);
    }

    [Fact]
    public void AMissingPeriodBoundIsNoError()
    {
        Assert.Null(_errors.PeriodBound("from", " ", ShanghaiTime, PeriodEnd.From));
        Assert.True(_errors.IsValid);
    }

    // ---- ranges ----

    [Theory]
    [InlineData(0)]
    [InlineData(6)]
    [InlineData(-3)]
    [InlineData(int.MaxValue)]
    public void NumberOutsideTheRangeIsRefused(int value)
    {
        Assert.Null(_errors.Range("rating", value, 1, 5));

        Assert.Equal(["rating must be from 1 to 5."], _errors.ToDictionary()["rating"]);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(5)]
    [InlineData(null)]
    public void NumberInsideTheRangeOrAbsentIsAccepted(int? value)
    {
        Assert.Equal(value, _errors.Range("rating", value, 1, 5));
        Assert.True(_errors.IsValid);
    }

    // ---- collecting ----

    [Fact]
    public void ValidRequestDoesNotThrow()
    {
        _errors.Required("title", "Printer", 200);
        _errors.Enum<Priority>("priority", "P2");
        _errors.Time("receivedAt", "2026-05-20T14:30+08:00");

        _errors.ThrowIfInvalid();

        Assert.Empty(_errors.ToDictionary());
    }

    [Fact]
    public void AllErrorsOfARequestAreReportedAtOnce()
    {
        _errors.Required("title", null, 200);
        _errors.Required("description", new string('d', 5001), 5000);
        _errors.Enum<Priority>("priority", "P5");
        _errors.Time("receivedAt", "2026-05-20T14:30");
        _errors.Range("rating", 9, 1, 5);
        _errors.Enum<Channel>("channel", "portal");

        var thrown = Assert.Throws<RequestValidationException>(_errors.ThrowIfInvalid);

        Assert.Equal(
            ["description", "priority", "rating", "receivedAt", "title"],
            thrown.Errors.Keys.Order(StringComparer.Ordinal));
        Assert.All(thrown.Errors.Values, messages => Assert.Single(messages));
    }

    [Fact]
    public void SeveralMessagesForOneFieldAreKept()
    {
        _errors.Add("assignee", "assignee is required.");
        _errors.Add("assignee", "assignee must be an engineer.");

        var thrown = Assert.Throws<RequestValidationException>(_errors.ThrowIfInvalid);

        Assert.Equal(["assignee is required.", "assignee must be an engineer."], thrown.Errors["assignee"]);
    }
}
