/* ferry-backup-journal.h
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define FERRY_TYPE_BACKUP_JOURNAL (ferry_backup_journal_get_type ())

G_DECLARE_FINAL_TYPE (FerryBackupJournal, ferry_backup_journal, FERRY, BACKUP_JOURNAL, GObject)

FerryBackupJournal *ferry_backup_journal_new             (GFile               *dir);
GFile              *ferry_backup_journal_get_dir         (FerryBackupJournal  *self);
void                ferry_backup_journal_open_async      (FerryBackupJournal  *self,
                                                          const char * const  *categories,
                                                          GCancellable        *cancellable,
                                                          GAsyncReadyCallback  callback,
                                                          gpointer             user_data);
gboolean            ferry_backup_journal_open_finish     (FerryBackupJournal  *self,
                                                          GAsyncResult        *result,
                                                          GError             **error);
gboolean            ferry_backup_journal_is_resuming     (FerryBackupJournal  *self);
JsonObject         *ferry_backup_journal_get_state       (FerryBackupJournal  *self,
                                                          const char          *category);
char               *ferry_backup_journal_get_staging_path (FerryBackupJournal *self,
                                                          const char          *category);
void                ferry_backup_journal_commit_async    (FerryBackupJournal  *self,
                                                          const char          *category,
                                                          GBytes              *lines,
                                                          GAsyncReadyCallback  callback,
                                                          gpointer             user_data);
gboolean            ferry_backup_journal_commit_finish   (FerryBackupJournal  *self,
                                                          GAsyncResult        *result,
                                                          GError             **error);
gboolean            ferry_backup_journal_remove          (FerryBackupJournal  *self,
                                                          GError             **error);

G_END_DECLS
