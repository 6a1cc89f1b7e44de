// An independent verifier of the Archive's transparency log, written against the Go checksum
// database's own packages (golang.org/x/mod/sumdb/note and .../tlog), which Debian ships.
//
//	verifier <verifier-key-file> <checkpoint-file> <checks-file>
//
// It opens the checkpoint with the key (note.Open), then checks each line of the checks file:
//
//	inclusion <leaf index> <record, base64> <proof hash, base64> ...   (tlog.CheckRecord)
//	consistency <older size> <older root, base64> <proof hash> ...     (tlog.CheckTree)
//
// and prints "ok" or "fail <why>" for each. Exit 1 when the checkpoint itself is rejected.
package main

import (
	"bufio"
	"encoding/base64"
	"fmt"
	"os"
	"strconv"
	"strings"

	"golang.org/x/mod/sumdb/note"
	"golang.org/x/mod/sumdb/tlog"
)

func main() {
	vkey, _ := os.ReadFile(os.Args[1])
	msg, _ := os.ReadFile(os.Args[2])
	verifier, err := note.NewVerifier(strings.TrimSpace(string(vkey)))
	if err != nil {
		fmt.Println("checkpoint rejected: bad key:", err)
		os.Exit(1)
	}
	n, err := note.Open(msg, note.VerifierList(verifier))
	if err != nil {
		fmt.Println("checkpoint rejected:", err)
		os.Exit(1)
	}
	lines := strings.Split(n.Text, "\n")
	if len(lines) < 4 {
		fmt.Println("checkpoint rejected: malformed")
		os.Exit(1)
	}
	size, err1 := strconv.ParseInt(lines[1], 10, 64)
	root, err2 := tlog.ParseHash(lines[2])
	if err1 != nil || err2 != nil {
		fmt.Println("checkpoint rejected: malformed size or hash")
		os.Exit(1)
	}
	fmt.Println("checkpoint ok", size)

	file, _ := os.Open(os.Args[3])
	scanner := bufio.NewScanner(file)
	scanner.Buffer(make([]byte, 1<<20), 1<<24)
	for scanner.Scan() {
		fields := strings.Fields(scanner.Text())
		if len(fields) < 3 {
			fmt.Println("fail malformed line")
			continue
		}
		var proof []tlog.Hash
		bad := false
		for _, f := range fields[3:] {
			h, err := tlog.ParseHash(f)
			if err != nil {
				bad = true
			}
			proof = append(proof, h)
		}
		number, _ := strconv.ParseInt(fields[1], 10, 64)
		switch {
		case bad:
			err = fmt.Errorf("malformed proof hash")
		case fields[0] == "inclusion":
			record, derr := base64.StdEncoding.DecodeString(fields[2])
			if derr != nil {
				err = derr
				break
			}
			err = tlog.CheckRecord(tlog.RecordProof(proof), size, root, number, tlog.RecordHash(record))
		case fields[0] == "consistency":
			older, herr := tlog.ParseHash(fields[2])
			if herr != nil {
				err = herr
				break
			}
			err = tlog.CheckTree(tlog.TreeProof(proof), size, root, number, older)
		default:
			err = fmt.Errorf("unknown check %q", fields[0])
		}
		if err != nil {
			fmt.Println("fail", err)
		} else {
			fmt.Println("ok")
		}
	}
}
