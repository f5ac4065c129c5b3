package dev.clickstream.localkafka;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import dev.clickstream.localkafka.SecuredAcls.Grant;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.utils.SecurityUtils;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SecuredAclsTest {

	private static final Path SECURITY_DOC = Path.of("..", "docs", "security.md");

	private static final String COMMAND_START = "kafka-acls.sh ";

	@Test
	void securityDocListsTheSameAclsAsKafkaAclsCommands() throws IOException {
		List<String> documented = Files.readAllLines(SECURITY_DOC, StandardCharsets.UTF_8)
			.stream()
			.map(String::strip)
			.filter(line -> line.startsWith(COMMAND_START))
			.toList();

		assertThat(documented).containsExactlyElementsOf(
				SecuredAcls.grants().stream().map(SecuredAclsTest::kafkaAclsCommand).toList());
	}

	@Test
	void grantsNoWildcardAndNothingToAllOperations() {
		assertThat(SecuredAcls.bindings()).allSatisfy(binding -> {
			assertThat(binding.pattern().name()).isNotEqualTo(ResourcePattern.WILDCARD_RESOURCE);
			assertThat(binding.entry().principal()).isIn("User:" + SecuredAcls.CLICKSTREAM_PRODUCER,
					"User:" + SecuredAcls.EVENT_LISTENER);
			assertThat(binding.entry().operation()).isNotIn(AclOperation.ALL, AclOperation.ALTER,
					AclOperation.DELETE, AclOperation.ALTER_CONFIGS, AclOperation.CLUSTER_ACTION);
		});
	}

	@Test
	void producerMayNotWriteWhatTheListenerWrites() {
		assertThat(SecuredAcls.bindings()).filteredOn(binding -> binding.entry()
			.principal()
			.equals("User:" + SecuredAcls.CLICKSTREAM_PRODUCER) && binding.entry().operation() == AclOperation.WRITE)
			.extracting(AclBinding::pattern)
			.extracting(ResourcePattern::name)
			.containsExactly(SecuredAcls.EVENTS);
	}

	/** The command a cluster admin runs for one grant, as docs/security.md writes it. */
	private static String kafkaAclsCommand(Grant grant) {
		String operations = grant.operations()
			.stream()
			.map(operation -> "--operation " + SecurityUtils.operationName(operation))
			.collect(Collectors.joining(" "));
		ResourcePattern resource = grant.resource();
		String pattern = (resource.patternType() == PatternType.PREFIXED) ? "--resource-pattern-type prefixed " : "";
		String target = switch (resource.resourceType()) {
			case TOPIC -> "--topic " + resource.name();
			case GROUP -> "--group " + resource.name();
			case TRANSACTIONAL_ID -> "--transactional-id " + resource.name();
			case CLUSTER -> "--cluster";
			default -> throw new IllegalArgumentException("no kafka-acls.sh option for " + resource);
		};
		return COMMAND_START + "--bootstrap-server \"$BOOTSTRAP\" --command-config \"$ADMIN_CONFIG\" --add "
				+ "--allow-principal " + grant.principal() + " " + operations + " " + pattern + target;
	}

}
