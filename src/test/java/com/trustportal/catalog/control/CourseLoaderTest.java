package com.trustportal.catalog.control;

import com.trustportal.testing.TestFiles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.trustportal.catalog.entity.Behaviour;
import com.trustportal.catalog.entity.Course;
import com.trustportal.catalog.entity.KnowledgeCheck;
import com.trustportal.catalog.entity.Lesson;
import com.trustportal.catalog.entity.Reflection;
import com.trustportal.catalog.entity.RolePlay;
import com.trustportal.catalog.entity.Step;
import java.io.IOException;
import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CourseLoaderTest {

    @TempDir
    Path temp;

    @Test
    void validCourseLoadsWithItsModulesStepsAndQuestionsInOrder() {
        Course course = CourseFixture.copyInto(temp).loadValid();

        assertEquals("minimal-course", course.id());
        assertEquals(3, course.version());
        assertEquals("Minimal course: the smallest valid shape", course.title());
        assertEquals(25, course.minutes());
        assertEquals(List.of("O1", "O2"), course.objectives().stream().map(o -> o.id()).toList());
        assertEquals(List.of("m1", "m2"), course.modules().stream().map(m -> m.id()).toList());
        assertEquals(List.of("m1-l1", "m1-l2", "m1-check", "m1-roleplay", "m1-reflect", "m2-l1", "m2-check",
                "m2-reflect"), course.steps().stream().map(Step::id).toList());
        List<Step> first = course.modules().get(0).steps();
        assertInstanceOf(Lesson.class, first.get(0));
        assertInstanceOf(KnowledgeCheck.class, first.get(2));
        assertInstanceOf(RolePlay.class, first.get(3));
        assertInstanceOf(Reflection.class, first.get(4));
        assertEquals(4, ((KnowledgeCheck) first.get(2)).questions().size());
        assertEquals(20, course.assessment().bank().size());
        assertEquals(10, course.assessment().drawCount());
        assertEquals(80, course.assessment().passPercent());
        assertEquals(10, course.assessment().questionsFor("O1").size());
    }

    @Test
    void questionsKeepTheirChoicesObjectiveAndExplanations() {
        Course course = CourseFixture.copyInto(temp).loadValid();
        KnowledgeCheck check = (KnowledgeCheck) course.step("m1-check").orElseThrow();
        var question = check.question("m1-q1").orElseThrow();

        assertEquals("O1", question.objectiveId());
        assertEquals(3, question.choices().size());
        assertEquals(0, question.correctChoice());
        assertEquals("A demo before the problem is known guesses.", question.choice(1).explanation());
    }

    @Test
    void rolePlayIsLoadedAsAPlayableConversation() {
        Course course = CourseFixture.copyInto(temp).loadValid();
        RolePlay play = (RolePlay) course.step("m1-roleplay").orElseThrow();

        assertEquals("Dana Whitfield", play.buyer().name());
        assertEquals(40, play.startTrust());
        assertEquals(3, play.nodes().size());
        assertEquals(15, play.startNode().reply(0).trustDelta(), "'+15' is read as fifteen");
        assertEquals(Behaviour.OPENNESS, play.startNode().reply(0).behaviour());
        assertEquals(List.of("m1-partner", "m1-maybe", "m1-closed"), play.endings().stream().map(e -> e.id()).toList());
        assertEquals("m1-partner", play.walk(List.of(0, 0, 0)).ending().orElseThrow().id());
    }

    @Test
    void markdownIsRenderedOnceAtLoadTime() {
        Course course = CourseFixture.copyInto(temp).loadValid();

        Lesson opening = (Lesson) course.step("m1-l1").orElseThrow();
        assertEquals("<p>A good first call is <strong>mostly questions</strong>.</p>\n"
                + "<blockquote>\n<p>People buy from people who listen.</p>\n</blockquote>", opening.html());
        RolePlay play = (RolePlay) course.step("m1-roleplay").orElseThrow();
        assertTrue(play.settingHtml().contains("<strong>fifteen minutes</strong>"), play.settingHtml());
        assertTrue(play.endingFor(90).html().contains("<strong>invites her team</strong>"), play.endingFor(90).html());
        assertEquals(List.of("<p>Ken Cook, <em>Collaborative Selling</em>, 2024</p>"), course.furtherReadingHtml());
    }

    @Test
    void scriptsEventHandlersJavascriptLinksAndRawHtmlInLessonsAreRemoved() {
        CourseFixture fixture = CourseFixture.copyInto(temp);
        fixture.replace("modules/01-first/01-opening.md", "> People buy from people who listen.\n",
                "> People buy from people who listen.\n\n"
                        + "<script>alert('steal')</script>\n\n"
                        + "<div onclick=\"alert(1)\"><iframe src=\"https://evil.example\"></iframe></div>\n\n"
                        + "Inline <img src=x onerror=alert(1)> and [a link](javascript:alert(1)) and "
                        + "<a href=\"javascript:alert(2)\">raw link</a>.\n");
        String html = ((Lesson) fixture.loadValid().step("m1-l1").orElseThrow()).html();

        for (String forbidden : List.of("<script", "alert", "onerror", "onclick", "javascript:", "<iframe", "<div")) {
            assertFalse(html.contains(forbidden), () -> forbidden + " survived in " + html);
        }
        assertTrue(html.contains("a link"), "the link text stays, only the dangerous URL goes: " + html);
    }

    @Test
    void fingerprintIsStableForSameContentAndChangesWithAnyEdit() {
        CourseFixture fixture = CourseFixture.copyInto(temp.resolve("a"));
        String before = fixture.loadValid().fingerprint();
        assertEquals(64, before.length(), "hex SHA-256");
        assertEquals(before, CourseFixture.copyInto(temp.resolve("b")).loadValid().fingerprint(),
                "an identical copy elsewhere has the same fingerprint");

        fixture.replace("modules/02-second/01-honesty.md", "fastest way", "quickest way");
        assertNotEquals(before, fixture.loadValid().fingerprint());
    }

    @Test
    void courseInsideAZipFileLoadsWithTheSameFileNamesInProblems() throws IOException {
        CourseFixture fixture = CourseFixture.copyInto(temp.resolve("plain"));
        Path zip = temp.resolve("courses.zip");
        try (FileSystem zipFs = FileSystems.newFileSystem(URI.create("jar:" + zip.toUri()), Map.of("create", "true"))) {
            TestFiles.copyTree(fixture.dir(), zipFs.getPath("/minimal-course"));
        }
        try (FileSystem zipFs = FileSystems.newFileSystem(zip)) {
            CourseLoadResult loaded = new CourseLoader().load(zipFs.getPath("/minimal-course"));
            assertEquals(List.of(), loaded.problems());
            assertEquals(fixture.loadValid().fingerprint(), loaded.course().orElseThrow().fingerprint());

            Files.writeString(zipFs.getPath("/minimal-course/course.yaml"), "id: minimal-course\nversoin: 3\n");
            Problem first = new CourseLoader().load(zipFs.getPath("/minimal-course")).problems().get(0);
            assertEquals("minimal-course/course.yaml:2:1: unknown key 'versoin' (expected one of: id, version, title,"
                    + " summary, language, minutes, objectives, modules, assessment, further-reading, lint)",
                    first.toString());
        }
    }

    @Test
    void progressRecordedOnTheOldVersionIsMeasuredAgainstTheEditedCourse() {
        CourseFixture fixture = CourseFixture.copyInto(temp);
        Course before = fixture.loadValid();
        Set<String> done = before.steps().stream().map(Step::id).collect(Collectors.toSet());
        assertTrue(before.completion(done).isComplete());

        fixture.replace("modules/01-first/module.yaml", "  - lesson: 02-listening.md\n", "")
                .replace("modules/02-second/module.yaml", "  - lesson: 01-honesty.md\n",
                        "  - lesson: 01-honesty.md\n  - lesson: 02-saying-no.md\n")
                .write("modules/02-second/02-saying-no.md", "---\nid: m2-l2\ntitle: Saying no\nminutes: 2\n---\nNo.\n");
        Course after = fixture.loadValid();

        assertNotEquals(before.fingerprint(), after.fingerprint());
        assertEquals(8, after.completion(done).required(), "one step removed, one added");
        assertEquals(7, after.completion(done).done(), "the removed lesson no longer counts, the new one is open");
        assertFalse(after.completion(done).isComplete());
    }

    @Test
    void folderThatIsNotACourseIsReportedNotThrown() throws IOException {
        Path empty = Files.createDirectory(temp.resolve("not-a-course"));
        CourseLoadResult result = new CourseLoader().load(empty);

        assertFalse(result.isLoaded());
        assertEquals("not-a-course/course.yaml:1: course.yaml is missing: every course folder needs one",
                result.problems().get(0).toString());
    }
}
