// compose-config loads a Compose file the way `docker compose config` does (compose-go, the loader of the
// Compose v2+ plugin): interpolation, the Compose Specification schema, profiles, merge keys and semantic
// checks. It prints the resolved project as JSON, or one line with the error and exits 1.
//
//	compose-config [--env-file FILE] [--profile NAME]... FILE
package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"os"

	"github.com/compose-spec/compose-go/v2/cli"
)

type profiles []string

func (p *profiles) String() string     { return fmt.Sprint(*p) }
func (p *profiles) Set(v string) error { *p = append(*p, v); return nil }

func main() {
	var envFile string
	var active profiles
	flag.StringVar(&envFile, "env-file", "", "environment file, as docker compose --env-file")
	flag.Var(&active, "profile", "profile to enable, as docker compose --profile")
	flag.Parse()
	if flag.NArg() != 1 {
		fmt.Fprintln(os.Stderr, "usage: compose-config [--env-file FILE] [--profile NAME]... FILE")
		os.Exit(2)
	}
	fail := func(err error) {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	// In the order `docker compose` applies them: the env file may set COMPOSE_PROFILES and COMPOSE_PROJECT_NAME.
	options := []cli.ProjectOptionsFn{cli.WithOsEnv}
	if envFile != "" {
		options = append(options, cli.WithEnvFiles(envFile))
	}
	options = append(options, cli.WithDotEnv, cli.WithDefaultProfiles(active...))
	opts, err := cli.NewProjectOptions([]string{flag.Arg(0)}, options...)
	if err != nil {
		fail(err)
	}
	project, err := opts.LoadProject(context.Background())
	if err != nil {
		fail(err)
	}
	out, err := json.MarshalIndent(project, "", "  ")
	if err != nil {
		fail(err)
	}
	fmt.Println(string(out))
}
