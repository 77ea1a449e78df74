/* ferry-job-manager.h
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ferry-job.h"

G_BEGIN_DECLS

#define FERRY_TYPE_JOB_MANAGER (ferry_job_manager_get_type ())

G_DECLARE_FINAL_TYPE (FerryJobManager, ferry_job_manager, FERRY, JOB_MANAGER, GObject)

FerryJobManager *ferry_job_manager_new                (GFile               *state_file);
void             ferry_job_manager_add                (FerryJobManager     *self,
                                                       FerryJob            *job);
GListModel      *ferry_job_manager_get_jobs           (FerryJobManager     *self);
FerryJob        *ferry_job_manager_find               (FerryJobManager     *self,
                                                       GType                type,
                                                       const char          *id);

/* What was under way when Ferry stopped, on disk: taken up again at the next start. */
void             ferry_job_manager_remember           (FerryJobManager     *self,
                                                       const char          *kind,
                                                       const char          *id);
void             ferry_job_manager_forget             (FerryJobManager     *self,
                                                       const char          *kind,
                                                       const char          *id);
gboolean         ferry_job_manager_is_unfinished      (FerryJobManager     *self,
                                                       const char          *kind,
                                                       const char          *id);
void             ferry_job_manager_unfinished_async   (FerryJobManager     *self,
                                                       const char          *kind,
                                                       GCancellable        *cancellable,
                                                       GAsyncReadyCallback  callback,
                                                       gpointer             user_data);
GStrv            ferry_job_manager_unfinished_finish  (FerryJobManager     *self,
                                                       GAsyncResult        *result,
                                                       GError             **error);
void             ferry_job_manager_flush_async        (FerryJobManager     *self,
                                                       GCancellable        *cancellable,
                                                       GAsyncReadyCallback  callback,
                                                       gpointer             user_data);
gboolean         ferry_job_manager_flush_finish       (FerryJobManager     *self,
                                                       GAsyncResult        *result,
                                                       GError             **error);

G_END_DECLS
