/* ferry-cli-private.h: what ferry-cli's files share
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ferry-account-manager.h"
#include "ferry-community-store.h"
#include "ferry-job.h"

G_BEGIN_DECLS

extern char *ca_file;

GTlsDatabase        *ferry_cli_trust_database            (GError             **error);
void                 ferry_cli_got_result                (GObject             *object,
                                                          GAsyncResult        *result,
                                                          gpointer             user_data);
GAsyncResult        *ferry_cli_wait_for                  (GAsyncResult       **slot);
int                  ferry_cli_fail                      (GError              *error);
FerryAccountManager *ferry_cli_refreshed_account_manager (GError             **error);
GSettings           *ferry_cli_settings                  (void);
FerryRole            ferry_cli_find_role                 (FerryAccountManager *manager,
                                                          const char          *text,
                                                          GError             **error);
gboolean             ferry_cli_interrupted               (gpointer             user_data);
const char          *ferry_cli_state_text                (FerryAccountState    state);

void                 ferry_cli_bench_init                (void);

int                  ferry_cli_command_transfer          (int                  argc,
                                                          char               **argv);
int                  ferry_cli_command_verify            (int                  argc,
                                                          char               **argv);

int                  ferry_cli_command_check             (int                  argc,
                                                          char               **argv);
int                  ferry_cli_command_alias             (int                  argc,
                                                          char               **argv);
int                  ferry_cli_command_move              (int                  argc,
                                                          char               **argv);
int                  ferry_cli_command_move_back         (int                  argc,
                                                          char               **argv);
int                  ferry_cli_command_watch             (int                  argc,
                                                          char               **argv);

/* ferry-cli-server.c: `ferry-cli server …`; each subcommand in ferry-cli-server-SUB.c */
int                  ferry_cli_command_server            (int                  argc,
                                                          char               **argv);

/* ferry-cli-community.c: `ferry-cli community …` */
int                  ferry_cli_command_community         (int                  argc,
                                                          char               **argv);
/* ferry-cli-community.c, for the community commands in other files: the common options, the
 * store, the community named, and a job run to its end (Ctrl+C cancels it). */
gboolean             ferry_cli_community_parse           (GOptionContext      *context,
                                                          const GOptionEntry  *entries,
                                                          int                 *argc,
                                                          char              ***argv,
                                                          GError             **error);
FerryCommunityStore *ferry_cli_community_open_store      (GError             **error);
FerryCommunity      *ferry_cli_community_find            (FerryCommunityStore *store,
                                                          const char          *name,
                                                          GError             **error);
gboolean             ferry_cli_run_job                   (FerryJob            *job,
                                                          GError             **error);

/* ferry-cli-announce.c: ferry-cli community announce, remind, list, guide, verify (argv[1]:
 * the community's id or name). */
int                  ferry_cli_community_announce        (int                  argc,
                                                          char               **argv);
int                  ferry_cli_community_remind          (int                  argc,
                                                          char               **argv);
int                  ferry_cli_community_list            (int                  argc,
                                                          char               **argv);
int                  ferry_cli_community_guide           (int                  argc,
                                                          char               **argv);
int                  ferry_cli_community_verify          (int                  argc,
                                                          char               **argv);

G_END_DECLS
