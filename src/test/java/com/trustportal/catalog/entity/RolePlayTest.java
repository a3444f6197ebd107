package com.trustportal.catalog.entity;

import static com.trustportal.catalog.entity.Content.ending;
import static com.trustportal.catalog.entity.Content.reply;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class RolePlayTest {

    /** start (trust 80) -> a -> b -> end, with big swings so clamping shows. */
    private static RolePlay play(List<Ending> endings) {
        return new RolePlay("rp", "Call", new Buyer("Dana", "Head of Ops", "Northwind"), "<p>Setting</p>", 80, "a",
                List.of(new DialogueNode("a", "Hello?", List.of(reply(+50, "b"), reply(-90, "b"))),
                        new DialogueNode("b", "And?", List.of(reply(-10, "end"), reply(-30, "end"), reply(+5, "a")))),
                endings);
    }

    private final RolePlay play = play(List.of(ending("partner", 70), ending("maybe", 40), ending("closed", 0)));

    @Test
    void trustIsClampedToHundredAfterEachReply() {
        // 80 + 50 is clamped to 100, then -10 gives 90; clamping only at the end would give 100.
        assertEquals(100, play.trustAfter(List.of(0)));
        assertEquals(90, play.trustAfter(List.of(0, 0)));
    }

    @Test
    void trustIsClampedToZeroAfterEachReply() {
        // 80 - 90 is clamped to 0, then +5 gives 5; unclamped it would be -5.
        assertEquals(0, play.trustAfter(List.of(1)));
        assertEquals(5, play.trustAfter(List.of(1, 2)));
    }

    @Test
    void endingIsTheHighestWhoseMinimumIsReached() {
        assertEquals("partner", play.endingFor(100).id());
        assertEquals("partner", play.endingFor(70).id());
        assertEquals("maybe", play.endingFor(69).id());
        assertEquals("maybe", play.endingFor(40).id());
        assertEquals("closed", play.endingFor(39).id());
        assertEquals("closed", play.endingFor(0).id());
    }

    @Test
    void endingsListedInAnyOrderAreChosenHighToLow() {
        RolePlay shuffled = play(List.of(ending("closed", 0), ending("partner", 70), ending("maybe", 40)));
        assertEquals("maybe", shuffled.endingFor(50).id());
        assertEquals(List.of("partner", "maybe", "closed"), shuffled.endings().stream().map(Ending::id).toList());
    }

    @Test
    void walkingToEndGivesTheEndingForTheFinalTrust() {
        Conversation done = play.walk(List.of(1, 2, 0, 1)); // 0, 5, 55, 25
        assertTrue(done.isOver());
        assertEquals(25, done.trust());
        assertEquals("closed", done.ending().orElseThrow().id());
        assertEquals(4, done.taken().size());
    }

    @Test
    void walkingPartWayGivesTheNodeToAnswerNext() {
        Conversation ongoing = play.walk(List.of(0));
        assertFalse(ongoing.isOver());
        assertEquals("b", ongoing.current().orElseThrow().id());
        assertEquals("a", play.walk(List.of()).current().orElseThrow().id());
    }

    @Test
    void pathsThatCannotHaveBeenPlayedAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> play.walk(List.of(2)), "node a has two replies");
        assertThrows(IllegalArgumentException.class, () -> play.walk(List.of(0, 0, 0)), "the call ended already");
    }

    @Test
    void aConversationThatCouldEndWithoutAnEndingIsRejected() {
        assertThrows(IllegalArgumentException.class,
                () -> play(List.of(ending("partner", 70), ending("maybe", 40), ending("cold", 10))));
        assertThrows(IllegalArgumentException.class, () -> play(List.of(ending("partner", 70), ending("closed", 0))));
    }

    @Test
    void aReplyLeadingNowhereIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> new RolePlay("rp", "Call",
                new Buyer("Dana", "Ops", "Northwind"), "<p>S</p>", 40, "a",
                List.of(new DialogueNode("a", "Hi", List.of(reply(0, "end"), reply(0, "nowhere")))),
                List.of(ending("x", 70), ending("y", 40), ending("z", 0))));
    }
}
