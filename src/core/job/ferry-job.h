/* ferry-job.h
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "ferry-job-part.h"

G_BEGIN_DECLS

/**
 * FerryJobState:
 * @FERRY_JOB_STATE_IDLE: not started
 * @FERRY_JOB_STATE_RUNNING: working
 * @FERRY_JOB_STATE_PAUSED: asked to pause: nothing new starts until it is resumed
 * @FERRY_JOB_STATE_WAITING: running, but waiting for a time (#FerryJob:waiting-until) for a
 *   reason (#FerryJob:waiting-reason), such as a server's rate limit
 * @FERRY_JOB_STATE_FINISHED: ended, done
 * @FERRY_JOB_STATE_FAILED: ended with an error (ferry_job_get_error())
 * @FERRY_JOB_STATE_CANCELLED: ended because it was cancelled
 */
typedef enum
{
  FERRY_JOB_STATE_IDLE,
  FERRY_JOB_STATE_RUNNING,
  FERRY_JOB_STATE_PAUSED,
  FERRY_JOB_STATE_WAITING,
  FERRY_JOB_STATE_FINISHED,
  FERRY_JOB_STATE_FAILED,
  FERRY_JOB_STATE_CANCELLED,
} FerryJobState;

G_END_DECLS

/* FERRY_TYPE_JOB_STATE (glib-mkenums) */
#include "ferry-core-enums.h"

G_BEGIN_DECLS

/* Progress notifications (done, total, fraction, status, eta, and the parts' counts) are
 * emitted at most this often; state changes flush them at once. */
#define FERRY_JOB_NOTIFY_INTERVAL_MS 250

#define FERRY_TYPE_JOB (ferry_job_get_type ())

G_DECLARE_DERIVABLE_TYPE (FerryJob, ferry_job, FERRY, JOB, GObject)

/**
 * FerryJobClass:
 * @run_async: starts the work; @cancellable is the job's own (chained to the caller's)
 * @run_finish: its result; a failure recorded earlier with ferry_job_fail() wins over it
 */
struct _FerryJobClass
{
  GObjectClass parent_class;

  void     (*run_async)  (FerryJob             *self,
                          GCancellable         *cancellable,
                          GAsyncReadyCallback   callback,
                          gpointer              user_data);
  gboolean (*run_finish) (FerryJob             *self,
                          GAsyncResult         *result,
                          GError              **error);

  /*< private >*/
  gpointer padding[8];
};

/* Called once the job runs (at once when it is not paused), or when it is cancelled. */
typedef void (*FerryJobContinuation) (FerryJob *job,
                                      gpointer  user_data);

const char    *ferry_job_get_id              (FerryJob             *self);
FerryJobState  ferry_job_get_state           (FerryJob             *self);
gboolean       ferry_job_is_active           (FerryJob             *self);
gboolean       ferry_job_is_ended            (FerryJob             *self);
gboolean       ferry_job_is_paused           (FerryJob             *self);
double         ferry_job_get_fraction        (FerryJob             *self);
gint64         ferry_job_get_done            (FerryJob             *self);
gint64         ferry_job_get_total           (FerryJob             *self);
const char    *ferry_job_get_status          (FerryJob             *self);
gint64         ferry_job_get_eta             (FerryJob             *self);
gint64         ferry_job_get_waiting_until   (FerryJob             *self);
const char    *ferry_job_get_waiting_reason  (FerryJob             *self);
GListModel    *ferry_job_get_parts           (FerryJob             *self);
const GError  *ferry_job_get_error           (FerryJob             *self);
GCancellable  *ferry_job_get_cancellable     (FerryJob             *self);
gboolean       ferry_job_is_cancelled        (FerryJob             *self);

void           ferry_job_run_async           (FerryJob             *self,
                                              GCancellable         *cancellable,
                                              GAsyncReadyCallback   callback,
                                              gpointer              user_data);
gboolean       ferry_job_run_finish          (FerryJob             *self,
                                              GAsyncResult         *result,
                                              GError              **error);
void           ferry_job_pause               (FerryJob             *self);
void           ferry_job_resume              (FerryJob             *self);
void           ferry_job_cancel              (FerryJob             *self);

/* For subclasses. */
void           ferry_job_set_progress        (FerryJob             *self,
                                              gint64                done,
                                              gint64                total);
void           ferry_job_set_fraction        (FerryJob             *self,
                                              double                fraction);
void           ferry_job_set_status          (FerryJob             *self,
                                              const char           *status);
void           ferry_job_set_eta             (FerryJob             *self,
                                              gint64                seconds);
void           ferry_job_set_waiting         (FerryJob             *self,
                                              gint64                until,
                                              const char           *reason);
void           ferry_job_set_running         (FerryJob             *self);
gboolean       ferry_job_fail                (FerryJob             *self,
                                              const GError         *error);
void           ferry_job_add_part            (FerryJob             *self,
                                              FerryJobPart         *part);
void           ferry_job_when_running        (FerryJob             *self,
                                              FerryJobContinuation  func,
                                              gpointer              user_data);
void           ferry_job_flush_notify        (FerryJob             *self);

G_END_DECLS
