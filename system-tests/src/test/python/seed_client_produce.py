#!/usr/bin/env python3
"""Writes records to Kafka with confluent-kafka, the client library of the original design.

An independent producer for the system tests: nothing of this project's serializers is involved.
Reads lines "key<TAB>base64-value" from stdin ("-" as the value writes a null value, a tombstone),
produces them in order to one topic, and exits non-zero unless the broker acknowledged every one.

    python3 seed_client_produce.py 127.0.0.1:9092 event-topic < records.tsv
"""
import base64
import sys

from confluent_kafka import Producer


def main(bootstrap_servers, topic):
    producer = Producer({"bootstrap.servers": bootstrap_servers, "acks": "all", "enable.idempotence": True})
    failures = []

    def acked(error, message):
        if error is not None:
            failures.append(error)

    sent = 0
    for line in sys.stdin:
        key, _, value = line.rstrip("\n").partition("\t")
        producer.produce(topic, key=key, value=None if value == "-" else base64.b64decode(value), callback=acked)
        producer.poll(0)
        sent += 1
    unacknowledged = producer.flush(30)
    if failures or unacknowledged:
        print(f"{len(failures)} failed, {unacknowledged} unacknowledged of {sent}: {failures[:3]}", file=sys.stderr)
        return 1
    print(f"{sent} records acknowledged")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
