package io.jiesu.aws.localstack;

import io.jiesu.aws.resources.CloudTemplate;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The LocalStack init script (localstack/init/ready.d/init-aws.sh) is what {@link InitScript} makes of
 * template.yaml, for people who run LocalStack under Docker: a template changed without regenerating it fails
 * here. Needs no Docker. With {@code -Djiesu.init-script.write=true} it writes the script instead.
 */
class InitScriptIsMadeFromTheTemplateTest {
    private static final Path ROOT = CloudTemplate.find().getParent();

    @Test
    void theCommittedScriptIsWhatTheTemplateMakes() throws IOException {
        Path script = InitScript.path(ROOT);
        String made = InitScript.render(CloudTemplate.get());
        if (Boolean.getBoolean("jiesu.init-script.write")) {
            Files.writeString(script, made);
        }
        assertTrue(Files.isRegularFile(script), script + " is missing");
        assertTrue(Files.isExecutable(script), script + " must be executable: LocalStack runs it as it is");
        assertEquals(made, Files.readString(script), script + " is not what template.yaml makes now; regenerate it:"
                + " ./mvnw -B -o test -pl functions/aws -Dtest=InitScriptIsMadeFromTheTemplateTest -Djiesu.init-script.write=true");
    }

    /** The drift the hand-written script had: the notify queue's redrive is the template's, 12 receives. */
    @Test
    void theScriptRedrivesEachQueueAfterTheTemplatesMaxReceiveCount() throws IOException {
        String script = Files.readString(InitScript.path(ROOT));
        for (CloudTemplate.Queue q : CloudTemplate.get().queues()) {
            if (q.redrives()) {
                String line = script.lines().filter(l -> l.contains("=$(queue " + q.name() + " '")).findFirst().orElse("");
                assertTrue(line.contains("\\\"maxReceiveCount\\\":\\\"" + q.maxReceiveCount() + "\\\""),
                        q.name() + " with maxReceiveCount " + q.maxReceiveCount() + ": " + line);
            }
        }
        assertTrue(script.contains("queue jiesu-notify.fifo '{\"FifoQueue\":\"true\""), "the notify queue is FIFO");
    }

    /** The compose file and the Testcontainers tests run the same LocalStack, with the services the script uses. */
    @Test
    void theComposeFileRunsTheTestedImageAndMountsTheScript() throws IOException {
        String compose = Files.readString(ROOT.resolve("localstack/docker-compose.yml"));
        assertTrue(compose.contains("image: " + LocalStackCloud.IMAGE + "\n"), "image: " + LocalStackCloud.IMAGE);
        assertTrue(compose.contains("SERVICES: dynamodb,sqs,scheduler"));
        assertTrue(compose.contains("./init/ready.d:/etc/localstack/init/ready.d"));
        assertTrue(compose.contains("4566:4566"));
    }
}
