# FastAPI routes: login plus the task, event and document lists that failed during the incident.
from fastapi import Depends, FastAPI, HTTPException
from pydantic import BaseModel
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.auth import authenticate
from app.db import get_session
from app.models import Document, Event
from app.models_tasks import Task

app = FastAPI(title="fixed-auth")


class LoginRequest(BaseModel):
    email: str
    password: str


@app.get("/api/health")
def health() -> dict[str, str]:
    return {"status": "ok"}


@app.post("/api/v1/auth/jwt/login")
def login(body: LoginRequest, session: Session = Depends(get_session)) -> dict[str, str]:
    user = authenticate(session, body.email, body.password)
    if user is None:
        raise HTTPException(status_code=401, detail="invalid credentials")
    return {"email": user.email, "role": user.role.value}


@app.get("/api/v1/tasks")
def list_tasks(session: Session = Depends(get_session)) -> list[dict[str, str]]:
    return [{"title": t.title, "status": t.status.value} for t in session.scalars(select(Task))]


@app.get("/api/v1/calendar/events")
def list_events(session: Session = Depends(get_session)) -> list[dict[str, str]]:
    return [{"title": e.title, "category": e.category.value} for e in session.scalars(select(Event))]


@app.get("/api/v1/documents")
def list_documents(session: Session = Depends(get_session)) -> list[dict[str, str]]:
    return [{"title": d.title, "status": d.status.value} for d in session.scalars(select(Document))]
