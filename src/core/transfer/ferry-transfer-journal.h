/* ferry-transfer-journal.h
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define FERRY_TYPE_TRANSFER_JOURNAL (ferry_transfer_journal_get_type ())

G_DECLARE_FINAL_TYPE (FerryTransferJournal, ferry_transfer_journal, FERRY, TRANSFER_JOURNAL,
                      GObject)

FerryTransferJournal *ferry_transfer_journal_new          (const char            *path);
const char           *ferry_transfer_journal_get_path     (FerryTransferJournal  *self);
void                  ferry_transfer_journal_open_async   (FerryTransferJournal  *self,
                                                           GCancellable          *cancellable,
                                                           GAsyncReadyCallback    callback,
                                                           gpointer               user_data);
gboolean              ferry_transfer_journal_open_finish  (FerryTransferJournal  *self,
                                                           GAsyncResult          *result,
                                                           GError               **error);
gboolean              ferry_transfer_journal_is_new       (FerryTransferJournal  *self);
JsonObject           *ferry_transfer_journal_lookup       (FerryTransferJournal  *self,
                                                           const char            *key);
void                  ferry_transfer_journal_record       (FerryTransferJournal  *self,
                                                           const char            *key,
                                                           JsonObject            *record);
guint                 ferry_transfer_journal_count_day    (FerryTransferJournal  *self,
                                                           const char            *prefix,
                                                           gint64                 day);
void                  ferry_transfer_journal_flush_async  (FerryTransferJournal  *self,
                                                           GCancellable          *cancellable,
                                                           GAsyncReadyCallback    callback,
                                                           gpointer               user_data);
gboolean              ferry_transfer_journal_flush_finish (FerryTransferJournal  *self,
                                                           GAsyncResult          *result,
                                                           GError               **error);
GList                *ferry_transfer_journal_get_keys     (FerryTransferJournal  *self);

G_END_DECLS
