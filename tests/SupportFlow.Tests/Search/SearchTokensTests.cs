using SupportFlow.Search;

namespace SupportFlow.Tests.Search;

/// <summary>What the index holds for a text and what a query asks for: the two must meet on whole tokens.</summary>
public sealed class SearchTokensTests
{
    [Fact]
    public void ChineseIsIndexedAsOverlappingBigramsPlusTheLastCharacter() =>
        Assert.Equal("验证 证码 码错 错误 误", SearchTokens.Index("验证码错误"));

    [Fact]
    public void PunctuationEndsAChineseRun() =>
        Assert.Equal("打印 印机 机 卡纸 纸", SearchTokens.Index("打印机，卡纸"));

    [Fact]
    public void EnglishIsLowerCasedWords() =>
        Assert.Equal("paper jam on hp 1020", SearchTokens.Index("Paper JAM on HP-1020!"));

    [Fact]
    public void MixedTextSplitsWhereTheScriptChanges() =>
        Assert.Equal("hp 打印 印机 机 v3 2", SearchTokens.Index("HP打印机v3.2"));

    [Fact]
    public void FullWidthLettersAndDigitsAreNormalised() =>
        Assert.Equal("abc12", SearchTokens.Index("ＡＢＣ１２"));

    [Fact]
    public void DiacriticsAreFolded() =>
        Assert.Equal("cafe resume", SearchTokens.Index("Café Résumé"));

    [Fact]
    public void AWordAfterACombiningMarkIsFoldedToo() =>
        Assert.Equal("cafe", SearchTokens.Index("cafe\u0301"));

    [Fact]
    public void ASingleChineseCharacterIsItsOwnToken() =>
        Assert.Equal("卡 word", SearchTokens.Index("卡 word"));

    [Fact]
    public void KanaAndHangulAreBigramsToo() =>
        Assert.Equal("プリ リン ンタ ター ー 프린 린터 터", SearchTokens.Index("プリンター 프린터"));

    [Fact]
    public void CharactersBeyondTheBasicPlaneStayWhole() =>
        Assert.Equal("𠀀𠀁 𠀁", SearchTokens.Index("𠀀𠀁"));

    [Fact]
    public void NothingToIndexGivesEmptyText()
    {
        Assert.Equal("", SearchTokens.Index(null));
        Assert.Equal("", SearchTokens.Index("，。！ -- ?"));
    }

    [Fact]
    public void VeryLongWordsAreCut() =>
        Assert.Equal(SearchTokens.MaxWordLength, SearchTokens.Index(new string('a', 500)).Length);

    [Fact]
    public void ChineseQueryIsAPhraseOfItsBigrams()
    {
        var phrase = Assert.Single(SearchTokens.Query("验证码"));

        Assert.Equal(["验证", "证码"], phrase.Tokens);
        Assert.False(phrase.IsPrefix);
    }

    [Fact]
    public void TwoCharacterQueryIsOneBigram() =>
        Assert.Equal(["卡纸"], Assert.Single(SearchTokens.Query("卡纸")).Tokens);

    [Fact]
    public void OneCharacterQueryIsAPrefixOfTheTokensItStarts()
    {
        var phrase = Assert.Single(SearchTokens.Query("卡"));

        Assert.Equal(["卡"], phrase.Tokens);
        Assert.True(phrase.IsPrefix);
    }

    [Fact]
    public void EveryCharacterOfIndexedTextStartsSomeToken()
    {
        // Why a one-character prefix query finds every occurrence, the last one included.
        var tokens = SearchTokens.Index("打印机卡纸").Split(' ');

        foreach (var c in "打印机卡纸")
        {
            Assert.Contains(tokens, t => t.StartsWith(c));
        }
    }

    [Fact]
    public void WhitespaceSeparatedTermsAreSeparatePhrases()
    {
        var phrases = SearchTokens.Query("打印机  Paper　jam");

        Assert.Equal(3, phrases.Count);
        Assert.Equal(["打印", "印机"], phrases[0].Tokens);
        Assert.Equal(["paper"], phrases[1].Tokens);
        Assert.Equal(["jam"], phrases[2].Tokens);
    }

    [Fact]
    public void WordsJoinedByPunctuationInOneTermAreAPhrase() =>
        Assert.Equal(["v3", "2"], Assert.Single(SearchTokens.Query("V3.2")).Tokens);

    [Fact]
    public void MixedTermIsAPhrasePerScript()
    {
        var phrases = SearchTokens.Query("HP打印机");

        Assert.Equal(2, phrases.Count);
        Assert.Equal(["hp"], phrases[0].Tokens);
        Assert.Equal(["打印", "印机"], phrases[1].Tokens);
    }

    [Fact]
    public void FullWidthQueryMatchesHalfWidthText() =>
        Assert.Equal(SearchTokens.Index("HP1020"), string.Join(' ', Assert.Single(SearchTokens.Query("ＨＰ１０２０")).Tokens));

    [Fact]
    public void RepeatedTermsAreAskedOnce() =>
        Assert.Single(SearchTokens.Query("jam JAM Jam"));

    [Fact]
    public void QueryWithoutLettersOrDigitsIsEmpty() =>
        Assert.Empty(SearchTokens.Query(" ，。!? "));

    [Theory]
    [InlineData("登录时提示验证码错误", "验证码")]
    [InlineData("打印机显示纸张卡住，卡纸", "卡纸")]
    [InlineData("打印机显示纸张卡住，卡纸", "纸张卡住")]
    [InlineData("Outlook 无法同步邮件 since Monday", "outlook 同步")]
    public void EveryQueryPhraseOccursInTheIndexedText(string text, string query)
    {
        var indexed = " " + SearchTokens.Index(text) + " ";

        foreach (var phrase in SearchTokens.Query(query))
        {
            Assert.Contains(" " + string.Join(' ', phrase.Tokens) + " ", indexed);
        }
    }
}
