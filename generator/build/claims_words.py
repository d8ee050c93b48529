"""Pure data: the words that claim an issue or give it up, per language, for `comments.comment_kind`.

Each table is a list of regular expressions over lower-cased text with the writer's quotes taken
out. They were written from general knowledge of each language and the labeled comments of the
training groups in tests/data/claims/ (one group of repositories was left unread; see that folder's
README). A pattern names what a person says, never a repository's own wording. English sentence
structure (who does what) is read in comments.py; here are only fixed phrases.
"""

from __future__ import annotations

# --- bot commands --------------------------------------------------------------------------------

CLAIM_VERBS = (
    "take|assign|claim|claim-issue|attempt|self-assign|assign-me|assignme|take-issue|work|"
    "pick|pickup|grab|lock"
)
RELEASE_VERBS = "unassign|unclaim|untake|disclaim|abandon|available|unassign-me|unwork|unlock|drop"
BOT_RELEASE_VERBS = "unassign|unclaim|untake|disclaim|abandon|refuse|resign|drop"
"""After `@bot`: "@zulipbot abandon", "@0crat refuse". Not "release": `@rultor release` ships."""

# --- English phrases beyond "I would like to work on this" ---------------------------------------

PLATFORMS = "windows|linux|mac|macos|ubuntu|debian|fedora|android|ios"
"""What someone works on in a bug report ("I'm working on Windows 10"), not an issue they took."""

EN_TAKEN_ELSEWHERE = (
    r"\btak(?:e|ing)\s+(?:this|it|that|the discussion|this discussion)\s+(?:to\s+(?:the\s+|a\s+|our\s+"
    r"|your\s+)?(?:mailing list|list|forum|discord|slack|gitter|matrix|irc|chat|discussions?|team|"
    r"dev list|meeting|call|email)\b|offline\b|elsewhere\b|up\s+with\b|over\s+to\b)"
)
"""Where the talk is taken, not the issue ("@dave taking this to the mailing list"): no claim."""
PR_CLAUSE_END = r"(?: now| for (?:this|it|the issue)| to (?:fix|address|resolve|close)\b.*)?\s*$"
"""Where a pull request said without "i" must end to be the writer's: the clause, or its purpose."""

EN_CLAIMS = (
    # progress said in the first person: "i am still working on it", "i am on it"
    r"\bi am (?:still |currently |now |already |actively |also |just )*(?:working on|translating|"
    r"working through|writing|fixing|implementing|on it\b|on this\b|doing (?:it|this)\b|on "
    r"(?:page|chapter|section|part|step)\b)"
    r"(?! (?:a |an |the )?(?:" + PLATFORMS + r"|a similar|another|my own|other|a different))",
    r"\b(?:it|this|that|pr|the pr) will be (?:done|ready|finished|up)\b|\bwill be sharing\b",
    # what i will do next to it
    r"\bi (?:will|am going to|shall) (?:\w+ly )?(?:finish|submit|send|open a|push|complete|"
    r"start (?:working|on (?:it|this|that))|begin (?:working|on)|continue|fix|implement|"
    r"translate|tackle|take (?:this|it|that|care|over|the)|"
    r"handle|raise|make a pr|work on|recommit|go on|get (?:it|this|a pr|the pr) (?:done|ready|up|"
    r"in)|have (?:it|this|a pr|the pr) (?:done|ready|up)|share the|update the pr|"
    r"try to (?:fix|work|do|take|implement|solve|translate|finish)|do (?:it|this|that))\b",
    # a pull request, said or shown
    r"\b(?:here is|here's|here are) (?:the |my |a )?(?:wip |draft )?(?:pr|pull request)\b",
    r"\b(?:pr|pull request)(?: for [^.?!\n]{1,30})? (?:is )?(?:ready|up|incoming|coming)\b",
    # "we" only in the perfect: "every time we open a pr the build fails" reports a bug
    r"\b(?:i (?:have |just |also |now )*|we (?:have |just )+)(?:put|opened|sent|pushed|submitted|"
    r"raised|created|made|filed|posted|open) (?:up )?(?:a|the|my)? ?(?:wip |draft |new )?(?:pr|"
    r"pull request)\b",
    r"\breview my (?:pr|pull request)\b|\bsee my (?:pr\b|pull req)",
    r"\bi will submit the pr\b|\bincoming in\b",
    # what i can or would like to do: "i can deal with this", "i would like to try"
    r"\bi (?:can|could) (?:\w+ly )?(?:take care of|deal with|handle|do|fix|take|help with|"
    r"work on|tackle|pick up|take on|translate|finish|maintain) (?:this|it|that|the)\b",
    r"\bi (?:can|could) (?:help out|offer (?:some )?(?:help|assistance))\b",
    r"\b(?:i )?would (?:like|love) (?:to )?(?:try|translate|help (?:with|out)|give it a)\b",
    r"\b(?:i will|i would like to|i can|let me|i want to|i am going to) give it a (?:try|shot|go)",
    r"\b(?:i will|i can|i could|i would|let me|i am going to) take (?:good )?care of (?:it|this)\b",
    r"\b(?:i|we) would (?:happily|gladly) (?:work|take|do|help)\b",
    # the work has begun: "i began the work", "starting page 3."
    r"\bi (?:began|started|have started|am starting|will start|have begun) (?:the work|working|"
    r"work|on|translating|to work|with)\b",
    r"\b(?:it is|it's|this is) in progress\b|\bi will go on\b",
    # taking over a project or its upkeep
    r"\b(?:take ?over|takeover) (?:the )?(?:maintenance|maintainership|project|development)\b",
    r"\bi (?:\w+ ){0,3}(?:become|be) (?:a |the )?(?:new |co-)?maintainer\b",
    r"\b(?:willing|happy|glad|able) to (?:help )?(?:maintain|keep this project|take over|"
    r"co-maintain|help keep)\b",
    r"\bi (?:would|will) (?:like to |love to )?(?:fork (?:the code|it) and )?continue (?:the |"
    r"with the |work on |working on )?(?:development|work|translation)\b",
    r"\bi am back on track\b|\bdevelopment is getting restarted\b",
)
# Where someone works or runs something, in a bug report: "I'm working on Windows 10 and see the
# same error". Not a claim, whatever else the comment's words say (the model is not asked).
EN_SETTING = r"\b(?:working|running|testing|tested) on (?:a |an |the )?(?:" + PLATFORMS + r")\b"
EN_OPENERS = (
    # said at the start of a sentence or clause, after any "ok, sure, yes": "working on it",
    # "will do!", "dibs", "starting page 3.", "would like to work on tests for this issue"
    r"(?:still |currently |now )?(?:working on (?:it|this|that|the fix|a fix|fix|a pr|the pr|"
    r"the translation)|on it)\b",
    r"will (?:do\b|finish|complete|submit|push|send|open a)",
    r"dibs\b|taking (?:this|it)\b",
    r"will be (?:done|ready|finished|sharing|submitting|pushing|sending|opening|raising)\b",
    r"would (?:like|love) to (?:work on|take|tackle|do|fix)\b",
    r"starting (?:on |with |page|chapter|section|work|now)",
    # "will start soon", "will get it done this week", "ill take it" (an I'll without its apostrophe)
    r"will (?:start|begin)\b|will get (?:it|this|that) (?:done|finished|ready)\b",
    r"ill (?:take|do|work on|fix|try|handle|pick)\b",
    # "going to pick this up", "will create a pull req by tonight", "just started translating"
    r"(?:going to|gonna) (?:pick|take|tackle|work on|do) (?:this|it)\b",
    r"will (?:create|open|raise|make|send) (?:a |the |my )?(?:pr\b|pull req)",
    r"(?:just )?started (?:translating|translation|working on (?:this|it)|work on|on (?:this|it)\b)",
    # the writer's pull request, said without "i" as a clause of its own: "just submitted the pull
    # request now", "pr #61 has been created", "raised #5"; not "pr opened from a fork fails"
    r"(?:(?:just )?(?:submitted|opened|raised|created|made|sent) (?:a |the |my )?(?:pr|pull req|"
    r"pull request)|(?:my |the )?(?:pr|pull request)(?: #\d+)? (?:has been |is )?(?:sent|raised|"
    r"created|submitted|opened)(?: #\d+)?|raised #\d+)" + PR_CLAUSE_END,
)
# "ok, sure, yes" and a mention of whom the sentence addresses ("@nukeop - will do.")
OPENER_FILLER = (
    r"(?:(?:@[\w-]+|and|so|ok|okay|sure|yes|yeah|ya|oh|erm|um|understood|alright|then)\W+)*"
)
EN_REQUESTS = (
    # asked or said: "mind if i take this one?", "could i have a go at this?"
    r"\b(?:mind|ok|okay|alright|fine) if i (?:\w+ )?(?:take|tackle|work|grab|pick|try|do|handle|"
    r"fix|give|proceed|continue|complete|translate)\b",
    # "can I hop on this?", "can I start to translate", "can you assign this", "pls assign"
    r"\bcan i (?:hop|jump) on (?:this|it)\b|\bcan i (?:start|begin) (?:to translate|translating|to work on|working)\b",
    r"\b(?:can|could|would) you (?:please |pls |kindly )?assign (?:this|it)\W*$",
    r"\b(?:pls|plz|kindly) assign(?: (?:it|this))?\W*$",
    r"\bi am (?:\w+ )?interested to (?:work|take|contribute|fix|solve|tackle)\b",
    r"\b(?:i|me)\b[^.?!]{0,25}\b(?:give (?:this|it|that) a (?:go|try|shot)|take a (?:crack|stab|"
    r"shot|swing) at|have a (?:go|crack|stab|shot) at)\b",
    r"\bi am (?:\w+ )?interested in (?:working|taking|contributing|fixing|solving|tackling)\b",
)
EN_RELEASES = (
    r"\bno longer (?:available|interested|have (?:the |any )?time)\b",
    r"\bunassign(?:ing|ed)? (?:myself|yourself)\b|\b(?:releasing|dropping|i release|i drop) "
    r"(?:this|it|the issue|my claim)\b",
    r"\bopen(?:ing)? (?:this|it) up\b|\b(?:open|available) (?:to|for) (?:anyone|others|everyone|"
    r"other contributors|new contributors)\b",
    r"\bremov(?:e|ed|ing) (?:the |my |their )?assign(?:ment|ee)s?\b|\bremov(?:e|ed|ing) "
    r"(?:you|@[\w-]+|him|her|them|myself) (?:as|from) (?:the )?assign",
    r"\bnot going to be able to (?:continue|work on|finish|complete|get to)\b",
    r"\bfeel free to (?:fork|continue|take (?:it |this |the project )?over|go ahead|translate)\b",
    r"\bgo ahead and (?:translate|take|work|pick|grab)\b",
    r"\b(?:someone|somebody|anyone|anybody|others?|other people|another (?:person|contributor|"
    r"volunteer)|person|they)\b[^.?!]{0,40}\b(?:to )?(?:take (?:it |this )?over|take it from "
    r"there|continue (?:with )?the project|finish (?:it|this) up)\b",
    r"\bassign (?:it |this |[\w ]{1,30} )?to (?:someone else|others|other people|another person)\b",
    r"\b(?:find|looking for|need) (?:a )?new maintainers?\b",
    r"\b(?:i|we) (?:have |had )?(?:abandoned|archived) (?:the|this) project\b",
    r"\bclose (?:it |this )?as abandoned\b",
    r"\bi (?:have )?(?:decided to )?step(?:ped)? (?:back|down|away)\b",
    r"\b(?:pause|stop) my work\b|\bi (?:have )?lost (?:the |my )?interest\b",
    r"\bnever be able to finish\b",
    r"\b(?:never|not) (?:had|have|find|found) (?:the |enough )?(?:free )?(?:time|bandwidth|"
    r"capacity) to (?:\w+ly )?"
    r"(?:finish|work on|continue|maintain|complete)\b",
    r"\bdo not work anymore on\b",
    r"\bnot (?:think i will |going to )?(?:have|find) (?:the |enough )?(?:free )?time "
    r"(?:and motivation )?to (?:finish|work|continue|maintain|help)\b",
    r"\bfreely fork-?able\b|\bcontinue (?:the project |it )?on your own fork\b|\bfeel free to fork\b",
    r"\bfork (?:it|this) and (?:take|continue|maintain)\b",
    r"\b(?:free|freeing) (?:it|this|the issue|this issue) up\b",
    r"\b(?:free|freeing|open|opening) (?:up )?(?:my|the|this) (?:task|issue|topic|page|chapter) "
    r"(?:up )?(?:for|to) (?:others|another|someone|anyone|other)\b",
    r"\b(?:i|we) (?:have |just )?(?:unassigned|removed) (?:myself|my assignment|you|him|her|them)\b",
    r"\bi (?:will|am going to|can|could) (?:pick|take|work on|choose|do) (?:a different|another|"
    r"some other)\b",
    r"\bi (?:will|am going to|can) (?:work on|take|pick|do) [^.?!]{0,30}\binstead\b",
    r"\bbetter to have someone else\b|\bsomeone else (?:should|will have to|has to) (?:take|finish"
    r"|do|pick)\b",
    # bot notices: Zerocracy's "resigned from #160, please stop working", timeouts
    r"\bresigned from\b|\bnow resigned\b|\bplease stop working\b",
    r"\b(?:has|have|been) (?:been )?(?:automatically )?unassigned\b",
    r"\bunassigned (?:you|@[\w-]+|from (?:this|the) (?:issue|task))\b",
    # a maintainer's act in its barest form: "Unassigning as inactive.", "I am unassigning this",
    # "un-assigning the issue so that others get a chance"
    r"\b(?<!mistakenly )(?<!accidentally )un-?assigning\W{1,3}"
    r"(?:this\b|the issue|(?:as |for |due to )?inactiv)",
    r"\b(?:give|giving) (?:a )?chance to (?:other (?:contributors|people|folks)|another (?:contributor|"
    r"person)|someone else|others)\b|\bothers?'?s? (?:would |can "
    r"|could |may )?(?:also )?get (?:a )?chance\b",
    # the claimant gives up: "I no longer plan to work on this", "I kind of gave up on it"
    r"\b(?:i|i'm|i am|we) no longer (?:plan|planning|intend|intending|going|able) to (?:work|continue|"
    r"finish|do)\b",
    r"\b(?<!don't )(?<!not )(?:gave|give|giving) up on (?:it|this)\b",
    r"\b(?:i am|i'm|im|i was|i will be|i'll be) (?:\w+ )?(?:unable|not able) to (?:finish|continue|"
    r"complete|focus on) (?:this|it)\b",
    r"\b(?:i have got|i have|i've got|i've|i got|i had|i) no (?:more )?time to (?:continue|finish|complete|maintain|"
    r"work on)\b",
    r"\bi (?:have |had )?stopped working on\b",
    r"\b(?:someone|somebody|anyone|anybody) (?:else )?will pick (?:it|this) up\b",
)
EN_NOT_RELEASE = (
    # a maintainer's warning, not an act: "we'll close it if it stalls so that someone else can"
    r"\bif (?:it|this) stalls\b|\bneed to close\b|\bor close (?:it|this)\b",
    r"\bif (?:there is |there are )?no (?:progress|update|updates|response|activity)\b",
    r"\bif (?:[\w']+ ){0,3}(?:still )?(?:available|open|free|unassigned)\b",
    r"\bleave it (?:a little|for a|alone|as is|open|there)\b",
)

# --- other languages -----------------------------------------------------------------------------
# Chinese (simplified and traditional), Japanese, Korean, Portuguese, Spanish, French, German,
# Russian and Ukrainian, Vietnamese, Indonesian, Italian, Turkish, Polish, Persian.

_ZH_CLAIM_VERBS = (
    "认领|認領|领取|領取|来做|來做|来翻|來翻|来写|來寫|来吧|來吧|来试|來試|来处理|來處理|来改|來改|"
    "想做|想试|想試|想翻|想参与|想參與|想认领|想認領|想尝试|想嘗試|想领|想領|想接|想负责|想負責|"
    "可以做|可以翻|可以试|可以試|可以来|可以來|可以接|可以帮|可以幫|可以写|可以寫|可以负责|"
    "负责|負責|接手|接了|接下|试一下|試一下|试试|試試|先试|先試|先做|先翻|"
    "在做|在翻|在写|在寫|在处理|在處理|在校对|在校對|在review|在修|在改|在弄|在实现|在實現|"
    "会做|會做|做这|做這|翻译这|翻譯這|翻这|翻這|报名|報名|"
    "(?:打算|开始|開始|愿意|願意|申请|申請)(?:做|翻|写|寫|处理|處理|修|改|弄|实现|實現|开发|開發|"
    "校对|校對|认领|認領|领取|領取|接|负责|負責|提|来|來|帮|幫|参与|參與|尝试|嘗試|这|這|此)"
)
ZH_CLAIMS = (
    rf"(?:我|俺|本人|让我|讓我)[^，。！？,.!?\n你您妳他她]{{0,8}}(?:{_ZH_CLAIM_VERBS})",
    r"(?:分配|指派|assign|交|留|给|給)\s*(?:给|給)?\s*我(?!们|們)",
    r"(?:领取|領取)\s*\d|(?:认领|認領)\s*(?:第|\d)",
    r"(?:已|已经|已經)?(?:提了|提交了|发了|發了|已提)\s*(?:pr|pull request)|pr\s*(?:已提交|已经提交)",
    r"我可以(?:[，,]|$)|(?:我|让我|讓我)(?:来|來)(?:吧|做|试试|試試|弄|处理|處理)?(?:$|[，。！!,.\s~])",
    r"(?:今天|现在|現在|明天|马上|馬上|这就|這就|已经|已經)(?:开始|開始)(?:翻译|翻譯|校对|校對|做|写|寫|处理|處理)",
    r"(?<!如果)有(?:兴趣|興趣)(?:参加|參加|参与|參與|翻译|翻譯|做)",
)
ZH_OPENERS = (
    # at the start of the comment: "认领", "@someone 我来", a bare "好的，没问题" to a maintainer
    r"\W*(?:@\S+\s*)?(?:认领|認領|领取|領取|申请认领|申請認領|我来|我來|已认领|已認領)",
    r"\W*(?:@\S+\s*)?(?:好的?\W*)?(?:没|沒)(?:有)?(?:问题|問題)\W*$",
)
ZH_NOT_CLAIM = (
    # someone else's claim, a question, or instructions on how to claim
    r"(?:有人|别人|別人|其他人|他|她|已经被|已經被|已被|被)[^，。！？,.!?\n]{0,6}"
    r"(?:认领|認領|领取|領取)",
    r"(?:认领|認領|领取|領取)(?:了)?(?:吗|嗎|么|麼)",
    r"(?:请|請|如何|怎么|怎麼|怎样|怎樣|可以在|方式|规则|規則|所有|重新|之后|之後|再进行|再進行)"
    r"[^，。！？\n]{0,12}(?:认领|認領|领取|領取)",
    r"(?:认领|認領)(?:任务|任務)?(?:无需|無需|方式|规则|規則|流程)",
    r"(?:成功|已成功)(?:认领|認領|领取|領取)",
    r"(?<!我)(?<!我也)可以(?:认领|認領|领取|領取|开始|開始)",
    r"(?:你|您|妳)(?:们|們)?[^，。！？,.!?\n]{0,6}(?:开始|開始|负责|負責|来做|來做|认领|認領)",
)
ZH_RELEASES = (
    r"(?:我|先|暂时|暫時|只能|还是|還是|要|打算|决定|決定)[^，。！？,.!?\n]{0,6}(?:放弃|放棄)",
    r"(?:放弃|放棄)(?:认领|認領|翻译|翻譯|这|這|此|了这|了這|任务|任務)",
    r"不做了|先不做|暂时不做|暫時不做|做不了|做不完|(?:没|沒)(?:有)?(?:时间|時間|空)(?:做|翻|了|继续|繼續)",
    r"太忙|(?:无法|無法)(?:继续|繼續|完成|按时|按時|参与|參與)|看起来无法|看起來無法",
    r"(?:释放|釋放)|(?:取消|撤销|撤銷)(?:认领|認領|分配|指派|assign)|回收|(?:让|讓)给|换人|換人",
    r"(?:找|交给|交給)(?:其他人|别人|別人|其他)|(?:跳过|跳過)|下一期再",
    r"(?:其他人|别人|別人|大家|其他同学|其他同學)(?:都)?可以(?:认领|認領|领取|領取|来做|來做|接手)",
    r"重新(?:开放|開放)|(?:我|先)[^，。！？,.!?\n]{0,4}退出",
)

JA_CLAIMS = (
    r"担当(?:します|したい|させて|いたします|致します|しても|でき|希望)",
    r"(?:翻訳|対応|作業|修正|実装|着手|レビュー|挑戦)(?:を)?(?:します|したい|させて|いたします|"
    r"致します|してみたい|してみます|しようと思|中です|中\W|中$)",
    r"させて(?:ください|下さい|いただ|頂)|やらせて|やります|やってみ(?:ます|たい|よう)",
    r"取り(?:組|掛か|かか)(?:みます|みたい|ります|ってみ|らせて|んでいます|んでも)",
    r"引き受け(?:ます|たい|させ)|手を挙げ|挑戦(?:したい|してみたい|します|させて)",
    r"(?:私|僕|自分|わたし|ぼく)が(?:やり|対応|担当|翻訳|作業|取り)",
    r"(?:アサイン|assign)\s*(?:して|をお願い|お願い)",
    r"(?:pr|プルリク)(?:を)?(?:出し|作成し|送り|投げ)(?:ました|ます)",
    r"翻訳(?:しよう|してみよう)と思",
)
JA_RELEASES = (
    r"外し(?:ます|ました|ておきます|てください|て下さい)|(?:アサイン|assign)(?:を)?(?:外|解除)",
    r"担当(?:を)?(?:外|降り|辞退)|辞退|できなくなり|できなくなった|できそうにな|難しくなり",
    r"手放|お任せします|どなたか(?:に)?(?:お願い|引き継|代わり)|引き継いで(?:ください|いただ|もらえ)",
    r"取り下げ|諦め|(?:時間|余裕)が(?:取れ|とれ|な)(?:ない|く)|やめ(?:ます|ておきます)",
    r"手が回ら(?:ない|なく)|他の方(?:に|へ)(?:お願い|お譲り|譲り)|外れます",
)

KO_CLAIMS = (
    r"(?:번역|작업|진행|수정|담당|기여|참여|구현|해결|시도|개발)\s*(?:을|를)?\s*(?:하겠습니다|"
    r"해 ?보겠습니다|할게요|할께요|해 ?볼게요)|맡겠습니다|맡을게요|맡아 ?보겠습니다",
    r"(?:제가|저는|저도|제가 한번)\s[^.?!\n]{0,30}(?:하겠습니다|해 ?보겠습니다|할게요|할께요|"
    r"해 ?볼게요)",
    r"(?:번역|작업|진행|수정|담당|기여|참여|구현|해결|시도|리뷰)\s*(?:을|를)?\s*(?:하고 ?싶습니다|"
    r"해 ?보고 ?싶습니다|하고 ?싶어요|해 ?보고 ?싶어요|중입니다|중이에요)",
    r"(?:맡아도|가져가도|해봐도|해 봐도|해도|진행해도|작업해도|번역해도|담당해도)\s*(?:될까요|"
    r"되나요|되겠습니까|괜찮을까요|괜찮나요|될지요)",
    r"(?:제게|저에게|저한테)\s*(?:할당|assign|배정)|(?:할당|assign|배정)\s*(?:해|하여)\s*"
    r"(?:주세요|주시면|주실|주시겠)",
    # asking for a file to translate ("… 번역 할당 요청 드립니다"), work begun ("작업을 시작했습니다")
    r"번역\s*할당|할당\s*(?:받(?:고|을)|부탁)|(?:작업|번역)(?:을|를)?\s*시작\s*했습니다|pr(?:을|를)?\s*열겠습니다",
    r"(?:번역|작업|참여|기여|진행|담당)[^.?!\n]{0,12}싶습니다",
)
KO_RELEASES = (
    r"어려울 것 같|어렵겠습니다|어려워졌|어려울듯|못할 것 같|못 할 것 같|하기 힘들|포기|내려놓|그만두",
    r"(?:할당|assign|배정)(?:을|를)?\s*(?:해제|취소|풀)",
    r"다른 분(?:께|에게|이|들이|께서)?\s*(?:넘기|양보|맡아|맡으|부탁|하셔도|해주셔도|진행해)",
    r"양보|반납|진행하지 못|진행이 어려|시간이 (?:없|부족|안 나)",
)

_PT_VERBS = (
    r"pegar|fazer|trabalhar|ficar com|assumir|traduzir|resolver|tentar|implementar|"
    r"contribuir (?:com|nessa|nesta|neste|nesse|na|no)|começar a \w+|ajudar (?:com|nessa|nesta)"
)
PT_CLAIMS = (
    rf"\b(?:posso|poderia|podia|gostaria de|quero|queria|vou|irei|pretendo)\s+(?:eu\s+)?(?:{_PT_VERBS})\b",
    r"\b(?:estou|tô|to|t[oô]|estava)\s+(?:a\s+)?(?:trabalhando|fazendo|trabalhar|traduzindo|"
    r"traduzir|mexendo|resolvendo)\b",
    r"\bme\s+(?:atribu\w+|assign\w*|designa\w*)\b|\b(?:atribu\w+|assign|designar?)\s+(?:[ao]\s+)?"
    r"(?:issue\s+)?(?:pra|para|a)\s+mim\b",
    r"\beu pego\b|\bfico com (?:essa|esta|ela|ele|esse|este)\b|\bdeixa(?:r)? comigo\b|\beu assumo\b",
    # "estou disponível para pegar esse!", "Traduzirei o capítulo 5.", "Vou revisar este capítulo."
    r"\b(?:estou|tô|to) (?:disponível|disponivel|livre) (?:para|pra) pegar\b|\btraduzirei\b|"
    r"\bvou (?:revisar|terminar) (?:este|esse|esta|essa|o|a)\b|\b(?:para|pra) eu (?:traduzir|revisar)\b",
    r"\btenho interesse em (?:trabalhar|pegar|fazer|contribuir|resolver|traduzir)\b",
)
PT_RELEASES = (
    r"\b(?:atribuir|passar|passe|atribua|atribui) (?:\w+ )?(?:a|para|pra) outra pessoa\b",
    r"\b(?:não|nao)\s+(?:vou\s+|irei\s+)?(?:conseguir|poder|ter)\s+(?:mais\s+)?(?:continuar|"
    r"trabalhar|fazer|terminar|concluir|tempo)\b",
    r"\b(?:não|nao)\s+(?:vou|irei|poderei|posso|consigo|conseguirei|terei)\s+(?:mais\s+)?"
    r"(?:continuar|trabalhar|fazer|terminar|concluir|tempo)\b",
    r"\bdesist\w*|\bdeixar (?:outra pessoa|outro|para outra|pra outra|a oportunidade)\b",
    r"\bliber(?:ando|ei|o)\b|\b(?:remov|tir)\w*\s+(?:a\s+)?(?:minha\s+)?atribui",
    r"\b(?:está|esta|tá|ta)\s+(?:livre|disponível|disponivel)\s+(?:novamente|de novo)\b",
    r"\bliberad[oa] (?:para|pra) (?:poder )?(?:ser )?(?:traduzid|revisad|outr)",
    r"\bnão tenho (?:mais )?tempo\b",
)

ES_CLAIMS = (
    r"\b(?:puedo|podría|podria|quisiera|quiero|me gustaría|me gustaria|voy a|iré a|pienso)\s+"
    r"(?:yo\s+)?(?:tomar|trabajar|hacer|encargarme|traducir|intentar|ayudar|terminar|continuar|"
    r"empezar a \w+|resolver|arreglar|contribuir en|colaborar en)",
    r"\b(?:estoy|estaba|sigo|seguiré)\s+(?:ya\s+)?(?:trabajando|traduciendo|haciendo)\b",
    r"\b(?:sí|si|ya|sigo)\W+trabajando en (?:ella|él|el|esto|eso|la|este|esta)\b|\bme encargo\b|\bme (?:lo|la) "
    r"(?:quedo|pido)\b|\bme pido\b",
    r"\basí?gna(?:me|mela|melo)\b|\basignár?(?:me|mela|melo)\b|\bme pondré\b|\bmanos a la obra\b",
    r"\b(?:esta semana|mañana|pronto) (?:finalizo|termino|entrego|se queda)\b|\bno he abandonado\b",
    r"\b(?:yo )?tomo (?:este|esta|esto)\b|\bme (?:lo |la )?(?:pueden|puedes|podrías|podrían|"
    r"podrias|podrian) asignar\b|\bme interesa (?:trabajar|tomar|traducir|hacer)\b",
    # "Buenas lo tomo yo", "lo voy hacer yo", "Empiezo a traducir esta sección", "comencé la traducción"
    r"\blo tomo(?: yo)?(?:\W*$|[,.!])|\blo voy (?:a )?hacer yo\b|\bresuelvo (?:la|el|este|esta) "
    r"(?:issue|tarea)\b|\bsigo avanzando\b",
    r"\b(?:empiezo|empecé|comienzo|comencé|comenzaré|empezaré|voy a comenzar|voy a empezar) "
    r"(?:a traducir|la traducción|esta traducción|con la traducción|a trabajar)\b",
)
ES_RELEASES = (
    r"\bya no (?:puedo|podré|podre|voy a|tengo tiempo|estoy)\b",
    r"\bno (?:podré|podre|puedo|voy a poder) (?:continuar|seguir|terminar|trabajar)\w*",
    r"\bdejo (?:la|el|esta|este|libre)\b|\b(?:lo|la) dejo\b|\blibero\b|\bdesasign\w*|\bcualquier interesado\b",
    r"\bvoy a (?:comenzar|empezar|seguir) con otro\b|\bqueda para que (?:la comunidad|alguien|otro)",
    r"\bno estoy activamente\b|\b(?<!no he )(?:abandono|abandonar)\b",
)

FR_CLAIMS = (
    r"\bje (?:peux|pourrais|vais|voudrais|souhaite|souhaiterais|veux|aimerais|compte)\s+(?:bien\s+)?"
    r"(?:m'en occuper|m'en charger|m'occuper|me charger|prendre|travailler|faire|traduire|"
    r"essayer|tenter|contribuer)",
    r"\bje m'en (?:occupe|charge)\b|\bje (?:prends|traduis)\b|\bje travaille (?:dessus|sur)\b",
    r"\bje suis dessus\b|\bassigne[rz]?[- ]moi\b|\bm'assigner\b",
    # "J'ai pris #123.", "je propose de traduire …", "Commencé traduction", "je m'attaquerai à …"
    r"\bj'ai pris (?:#\d|(?:ce|cette) (?:ticket|issue|tâche|chapitre|fichier))|\bje propose de "
    r"traduire\b|\b(?:j'ai )?commencé (?:la )?"
    r"traduction\b|\bje (?:terminerai|terminerais|finirai|m'attaquerai)\b|\bje pense m'en occuper\b",
    r"\bje suis intéressée? (?:pour|par|à) (?:travailler|prendre|m'occuper|traduire)",
)
FR_RELEASES = (
    r"\bje (?:le |la |me |l')retire\b|\bdésassign\w*|\bje n'aurai pas le temps\b",
    r"\bje ne (?:pourrai|peux|vais) (?:pas|plus) (?:continuer|finir|m'en occuper|le faire|"
    r"la faire|terminer)\b",
    r"\b(?:tu peux|tu peut|vous pouvez|libre à toi de|libre à vous de) (?:t'en|vous en|la|le) "
    r"(?:charger|prendre|occuper)\b",
    r"\bj'abandonne\b|\bje laisse (?:la place|tomber|ma place)\b|\b(?:libre|disponible) "
    r"(?:à nouveau|de nouveau)\b|\bn'ai plus le temps\b",
    r"\bj'aurai(?:s)? pas le temps\b",
    r"\bquelqu'un d'autre (?:peut|pourrait) (?:la |le |s'en )?(?:prendre|charger|occuper)",
)

DE_CLAIMS = (
    r"\bich (?:kann|könnte|würde|möchte|will|werde|wuerde|moechte)\b[^.?!]{0,30}\b(?:übernehmen|"
    r"uebernehmen|übersetzen|machen|kümmern|bearbeiten|arbeiten|anschauen|angehen|erledigen|"
    r"fixen|beheben)\b",
    r"\b(?:kann|könnte|darf|dürfte) ich\b[^.?!]{0,30}\b(?:übernehmen|übersetzen|machen|"
    r"bearbeiten|angehen|erledigen|fixen|beheben)\b",
    r"\bich übernehme\b|\bich mach(?:e)? (?:das|es|den|die)\b|\bich kümmere mich\b",
    r"\b(?:bin|sind) (?:jetzt |aber |wieder |gerade |schon )*(?:dran|dabei)\b",
    r"\bich arbeite (?:daran|dran|gerade)\b|\bmir zu(?:weisen|teilen)\b|\bweis(?:e|t) "
    r"(?:es |das |sie |ihn )?mir zu\b|\bassign(?:e)? mich\b",
)
DE_RELEASES = (
    r"\bich komme (?:leider |wohl )?(?:nicht|nie) dazu\b",
    r"\bich (?:gebe|geb) (?:es|das|sie|ihn|die issue) (?:wieder )?ab\b|\bkeine zeit mehr\b",
    r"\bnicht mehr (?:daran|dran) arbeiten\b|\bfreigeben\b|\bwieder frei\b",
    r"\bich schaffe (?:es|das) (?:leider )?nicht\b|\b(?:gebe|geb) (?:\w+ ){0,3}frei\b",
    r"\bzuweisung (?:entfernt|aufgehoben)\b|\b(?:kann|darf) (?:gerne )?(?:jemand|wer) "
    r"(?:anderes |anders )?(?:übernehmen|machen)\b",
)

RU_CLAIMS = (
    r"\b(?:беру|возьму|займусь|сделаю|переведу|попробую|візьму|беру)\b",
    r"\bя (?:бы )?(?:хочу|хотел|хотела|могу|готов|готова|хотів|хотіла)\b[^.?!]{0,30}\b(?:взять|"
    r"заняться|взяться|сделать|перевести|поработать|помочь|исправить|реализовать|взятися|"
    r"зробити)\b",
    r"\b(?:можно|могу|можна) (?:я |мне )?(?:взять|заняться|сделать|перевести|взяти)\b",
    # "Начал перевод главы 3", "Начал работать.", "принял в работу", "Готов … начать 16-ую"
    r"\bначал(?:а)?(?:\W*$| перевод\w*| переводить| работать\W*$)|\bпринял(?:а)? в работу\b|"
    r"\bготов(?:а)? (?:через [^.?!]{0,20})?(?:начать|взять|перевести)\b",
    r"\bназначьте (?:меня|на меня|мне)\b|\bработаю над\b|\bвзял(?:а)? (?:на себя|эту|это)\b",
)
RU_RELEASES = (
    r"\b(?:больше )?не (?:могу|смогу|успеваю|буду|получится)\b[^.?!]{0,20}\b(?:заниматься|"
    r"работать|делать|переводить|продолжать|закончить)\b",
    r"\bне смогу (?:в ближайшее время )?(?:дожать|доделать|закончить|довести)\b",
    r"\bотказываюсь\b|\bосвобождаю\b|\bснимаю с себя\b|\bкто-то другой\b|\bможет взять кто\b",
)

VI_CLAIMS = (
    r"\b(?:em|mình|tôi|tớ|tui|anh|chị)\s+(?:xin\s+)?(?:nhận|đăng ký|đăng kí|muốn (?:dịch|làm|"
    r"nhận|đóng góp|thử|tham gia)|sẽ (?:dịch|làm|hoàn thành|tăng tốc|cố gắng|xử lý|sửa)|"
    r"có thể (?:dịch|làm|nhận)|đang (?:dịch|làm|xử lý))",
    r"\bcho (?:em|mình|tôi) (?:xin\s+)?(?:nhận|dịch|làm)\b|\bgiao cho (?:em|mình|tôi)\b",
    r"\bsẽ hoàn thành\b|\bngày nữa (?:sẽ|là) (?:hoàn thành|xong)\b",
)
VI_RELEASES = (
    r"\btrả lại\b|\bnhường\b|\bkhông (?:thể|kịp) (?:tiếp tục|hoàn thành|dịch|làm)\b|\bbận quá\b",
    r"\bchuyển (?:task|chương|việc)[^.?!]{0,12} cho (?:bạn|người|anh|chị|em) khác\b",
    r"\bđể cho bạn\b|\bcho bạn khác\b|\bxin rút\b|\bh(?:ủ|uỷ)y nhận\b",
    r"\bkhông (?:có|còn) thời gian\b",
)

OTHER_CLAIMS = (
    # Indonesian
    r"\bsaya (?:mau|ingin|akan|bisa|boleh|siap)\s+(?:mengerjakan|ambil|mengambil|kerjakan|coba|"
    r"mencoba|menerjemahkan|membantu)\b|\bboleh saya\s+(?:ambil|kerjakan|mengerjakan|coba)\b",
    r"\bsaya (?:mau|ingin) bantu\b|\bsaya bisa assign\b",
    r"\bsaya (?:ambil|kerjakan)\b|\bassign ke saya\b|\bsaya tertarik (?:untuk )?(?:mengerjakan|"
    r"mengambil)\b",
    # Italian
    r"\b(?:posso|potrei|vorrei|voglio)\s+(?:lavorarci|occuparmene|prenderl[ao]|tradurre|provarci)\b",
    r"\bme ne occupo\b|\bci lavoro io\b|\bci penso io\b|\bassegna(?:mi|la a me|lo a me)\b",
    r"\binizio a tradurre\b|\bmi prendo (?:le|il|la|lo|questo|questa|quest)\b",
    # Turkish
    r"\b(?:üzerinde çalışabilir miyim|üzerinde çalışmak istiyorum|ben alabilirim|bana atay)",
    # Polish
    r"\bczy mogę (?:się tym zająć|to wziąć)|\bzajmę się\b|\bbiorę to\b",
)
OTHER_RELEASES = (
    r"\bsaya (?:tidak|nggak|gak|ga) (?:bisa|sempat) (?:melanjutkan|mengerjakan|lanjut)\b",
    r"\bsilakan (?:ambil|diambil|dilanjutkan)\b",
    r"\bnon (?:posso|riesco|potrò) più\b|\blascio (?:libera|libero|ad altri)\b",
    r"\bsaya unassign\b",
    r"\bnie dam rady\b",
)

# Persian: "فصل ۸ را ترجمه میکنم", "میخوام فصل اول رو ترجمه کنم", "ترجمه این فصل با من",
# "درخواست ترجمه فصل ۵ رو دارم", "من انجامش میدم"; the half-space (U+200C) in می‌ is optional.
_FA_STOP = r"[^.?!؟\n]"
FA_CLAIMS = (
    rf"\b(?:من|بنده)\b{_FA_STOP}{{0,30}}ترجمه\s*(?:می\u200c?کنم|می\u200c?کنیم)",
    rf"\b(?:می\u200c?خوام|می\u200c?خواهم)\b{_FA_STOP}{{0,30}}ترجمه\s*کنم",
    rf"\bدرخواست ترجمه\b|\b(?:ترجمه|فصل){_FA_STOP}{{0,25}}با من\b",
    rf"\bانجامش\s*(?:می\u200c?دم|میدم|می\u200c?دهم)\b|\bمن\s*(?:می\u200c?تونم|می\u200c?توانم)"
    rf"{_FA_STOP}{{0,40}}(?:ترجمه|انجام)",
)
FA_RELEASES = (
    rf"\b(?:نمی\u200c?تونم|نمی\u200c?توانم){_FA_STOP}{{0,30}}(?:تموم کنم|تمام کنم|ادامه بدم|ادامه دهم)|"
    r"\bامکان ادامه کار\b",
    # "someone else will take on this chapter" (not "someone else already chose it")
    rf"\b(?:یک|یه) نفر دیگه{_FA_STOP}{{0,25}}(?:می\u200c?کشه|انجام می|برعهده|بر عهده)",
)

# Grouped by how each pattern begins: Python's regex engine skips ahead quickly through an
# alternation only when all of its branches start alike, so those that start at a word boundary
# (alphabetic scripts) and those that start with a character (CJK, Hangul) are kept apart.
WORD_CLAIMS = (
    PT_CLAIMS + ES_CLAIMS + FR_CLAIMS + DE_CLAIMS + VI_CLAIMS + RU_CLAIMS + OTHER_CLAIMS + FA_CLAIMS
)
WORD_RELEASES = (
    PT_RELEASES
    + ES_RELEASES
    + FR_RELEASES
    + DE_RELEASES
    + VI_RELEASES
    + RU_RELEASES
    + OTHER_RELEASES
    + FA_RELEASES
)
SCRIPT_CLAIMS = ZH_CLAIMS + JA_CLAIMS + KO_CLAIMS
SCRIPT_RELEASES = ZH_RELEASES + JA_RELEASES + KO_RELEASES
SCRIPT_NOT_CLAIM = ZH_NOT_CLAIM
