package dev.clickstream.producer;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class ClickstreamProducerApplication {

	public static void main(String[] args) {
		SpringApplication.run(ClickstreamProducerApplication.class, args);
	}

}
